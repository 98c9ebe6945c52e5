import type { BoardEntry } from "@illajwala/api-client";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { patientReference } from "@illajwala/ui";
import { BoardEntryRow } from "./board-entry";

const start = "2026-12-01T04:00:00Z";

function entry(status: BoardEntry["status"]): BoardEntry {
  return {
    appointmentId: "appointment-1",
    slotId: "slot-1",
    start,
    end: "2026-12-01T04:30:00Z",
    status,
    patientId: "patient-asha-7f3a9c",
    dependentId: null,
    checkedInAt: null,
    consultationStartedAt: null,
    completedAt: null,
    expectedStart: "2026-12-01T04:20:00Z",
  };
}

function renderRow(status: BoardEntry["status"], now: number, onStep = vi.fn()) {
  render(
    <ol>
      <BoardEntryRow entry={entry(status)} timezone="Asia/Kolkata" now={now} busy={false} onStep={onStep} />
    </ol>,
  );
  return onStep;
}

const buttons = () => screen.queryAllByRole("button").map((button) => button.textContent);

describe("an appointment on the board", () => {
  it("offers check-in before the start, and a no-show only once the appointment has started", () => {
    renderRow("confirmed", Date.parse(start) - 60_000);
    expect(buttons()).toEqual(["Check in"]);
  });

  it("offers no-show after the start", () => {
    renderRow("confirmed", Date.parse(start) + 60_000);
    expect(buttons()).toEqual(["Check in", "No show"]);
  });

  it("offers the consultation's steps to a checked-in patient, and says when they are now expected", async () => {
    const onStep = renderRow("checked_in", Date.parse(start));
    expect(buttons()).toEqual(["Start consultation", "Complete"]);
    expect(screen.getByText(/expected/).textContent).toMatch(/expected 9:50/i);
    await userEvent.click(screen.getByRole("button", { name: /^Start consultation/ }));
    expect(onStep).toHaveBeenCalledWith("start");
  });

  it("offers nothing once the appointment is over", () => {
    renderRow("completed", Date.parse(start));
    expect(buttons()).toEqual([]);
  });

  it("names the patient by a short reference, never more", () => {
    expect(patientReference({ patientId: "patient-asha-7f3a9c", dependentId: null })).toBe("Patient 7F3A9C");
    expect(patientReference({ patientId: "patient-asha-7f3a9c", dependentId: "d-1" })).toBe(
      "Patient 7F3A9C (dependent)",
    );
  });
});
