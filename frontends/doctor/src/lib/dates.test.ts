import { describe, expect, it } from "vitest";
import { addDays } from "./dates";

describe("addDays", () => {
  it("moves across the end of a month and a year", () => {
    expect(addDays("2026-12-30", 3)).toBe("2027-01-02");
    expect(addDays("2027-03-01", -1)).toBe("2027-02-28");
  });
});
