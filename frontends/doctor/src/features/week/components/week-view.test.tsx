import type { BoardEntry, ScheduleBoard } from "@illajwala/api-client";
import { render, screen } from "@testing-library/react";
import type { UseQueryResult } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { WeekView } from "./week-view";

function entry(appointmentId: string, status: BoardEntry["status"], start: string): BoardEntry {
  return {
    appointmentId,
    slotId: appointmentId,
    start,
    end: start,
    status,
    patientId: "patient-1",
    dependentId: null,
    checkedInAt: null,
    consultationStartedAt: null,
    completedAt: null,
    expectedStart: null,
  };
}

const board: ScheduleBoard = {
  doctorId: "dr-sana-khan",
  date: "2026-12-01",
  timezone: "Asia/Kolkata",
  runningLateMinutes: 0,
  gaps: [],
  queue: [
    entry("a-1", "confirmed", "2026-12-01T04:00:00Z"),
    entry("a-2", "checked_in", "2026-12-01T04:30:00Z"),
    entry("a-3", "in_consultation", "2026-12-01T05:00:00Z"),
    entry("a-4", "cancelled", "2026-12-01T05:30:00Z"),
  ],
};

describe("the week", () => {
  it("words each appointment's status as the board does, leaving out the cancelled", () => {
    render(
      <WeekView
        days={[
          {
            date: board.date,
            board: { data: board, isPending: false, isError: false } as UseQueryResult<ScheduleBoard>,
          },
        ]}
      />,
    );
    expect(screen.getAllByTestId("week-entry-status").map((status) => status.textContent)).toEqual([
      "Booked",
      "Checked in",
      "In consultation",
    ]);
  });
});
