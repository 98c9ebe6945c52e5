import { describe, expect, it } from "vitest";
import { toIcs } from "./calendar";

const entry = {
  uid: "3f2a9c1e-0000-4000-8000-000000000001",
  start: "2026-12-08T05:00:00Z",
  end: "2026-12-08T05:30:00Z",
  title: "Appointment with Dr Rahul Iyer",
  location: "Apollo Koramangala, 80 Feet Road; Bengaluru",
  description: "Reference 3F2A9C1E",
};

describe("an appointment as an iCalendar file", () => {
  it("has one event in UTC with its text escaped, in CRLF lines", () => {
    const ics = toIcs(entry, new Date("2026-12-04T18:00:00Z"));
    const lines = ics.split("\r\n");
    expect(lines).toContain("BEGIN:VEVENT");
    expect(lines).toContain("UID:3f2a9c1e-0000-4000-8000-000000000001@illajwala");
    expect(lines).toContain("DTSTAMP:20261204T180000Z");
    expect(lines).toContain("DTSTART:20261208T050000Z");
    expect(lines).toContain("DTEND:20261208T053000Z");
    expect(lines).toContain("LOCATION:Apollo Koramangala\\, 80 Feet Road\\; Bengaluru");
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toContain("\n");
  });

  it("folds long lines at 75 octets without splitting a Hindi character", () => {
    const title = "डॉ राहुल अय्यर के साथ अपॉइंटमेंट, ".repeat(3).trim();
    const ics = toIcs({ ...entry, title });
    const encoder = new TextEncoder();
    const lines = ics.split("\r\n");
    for (const line of lines) {
      expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
      expect(line).not.toContain("\uFFFD");
    }
    expect(ics.replace(/\r\n /g, "").split("\r\n")).toContain(`SUMMARY:${title.replace(/,/g, "\\,")}`);
  });
});
