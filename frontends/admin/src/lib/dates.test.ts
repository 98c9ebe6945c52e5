import { describe, expect, it } from "vitest";
import { formatTimestamp } from "./dates";

describe("formatTimestamp", () => {
  it("writes the month in words and the time on a 24-hour clock", () => {
    expect(formatTimestamp("2026-12-04T12:50:05Z", "Asia/Kolkata")).toBe("4 Dec 2026, 18:20:05");
    expect(formatTimestamp("2026-03-02T09:05:00Z", "Europe/London")).toBe("2 Mar 2026, 09:05:00");
  });
});
