import type { AvailabilityRequest } from "@illajwala/api-client";
import { describe, expect, it } from "vitest";
import { availabilitySchema, formOf, newSession, requestOf } from "./schema";

const rules: AvailabilityRequest = {
  clinicId: "apollo-koramangala",
  minimumNoticeMinutes: 60,
  maximumAdvanceDays: 14,
  weekly: {
    MONDAY: [
      {
        start: "09:00:00",
        end: "13:00",
        breaks: [{ start: "11:00", end: "11:15" }],
        slotMinutes: 30,
        bufferMinutes: 5,
        capacity: 1,
        modes: ["clinic", "telehealth"],
      },
    ],
  },
  leaveDays: ["2026-12-25"],
  extraSessions: [{ date: "2026-12-27", session: { start: "10:00", end: "12:00", modes: ["telehealth"] } }],
};

describe("the availability form", () => {
  it("sends back what it was given, with every day of the week to edit", () => {
    const form = formOf(rules);
    expect(form.weekly.map((day) => day.day)).toEqual([
      "MONDAY",
      "TUESDAY",
      "WEDNESDAY",
      "THURSDAY",
      "FRIDAY",
      "SATURDAY",
      "SUNDAY",
    ]);
    const request = requestOf("apollo-koramangala", form);
    expect(Object.keys(request.weekly)).toEqual(["MONDAY"]);
    expect(request.weekly.MONDAY?.[0]).toMatchObject({ start: "09:00", end: "13:00", bufferMinutes: 5 });
    expect(request.leaveDays).toEqual(["2026-12-25"]);
    expect(request.extraSessions?.[0]?.session).toMatchObject({ slotMinutes: 30, capacity: 1, modes: ["telehealth"] });
  });

  it("refuses a session that ends before it starts and a break outside its session", () => {
    const form = formOf(null);
    const monday = form.weekly[0];
    if (monday === undefined) {
      throw new Error("no Monday");
    }
    monday.sessions = [{ ...newSession(), start: "13:00", end: "09:00" }];
    form.extraSessions = [
      { date: "2026-12-27", session: { ...newSession(), breaks: [{ start: "08:00", end: "08:30" }] } },
    ];
    const result = availabilitySchema.safeParse(form);
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join(".")) ?? [];
    expect(paths).toContain("weekly.0.sessions.0.end");
    expect(paths).toContain("extraSessions.0.session.breaks");
  });
});
