import type { AnalyticsReport } from "@illajwala/api-client";
import { describe, expect, it } from "vitest";
import { figuresOf, money, percent } from "./figures";

const report: AnalyticsReport = {
  from: "2026-12-01",
  to: "2026-12-02",
  bookings: 3,
  bookingsPerDay: { "2026-12-01": 2, "2026-12-02": 1 },
  cancellations: { total: 1, by: { patient: 1, clinic: 0, system: 0 }, meanNoticeHours: 26.5 },
  noShowRate: 0.25,
  utilisation: 0.1,
  bookingLeadTime: { same_day: 1, next_day: 2 },
  waitlist: { joined: 2, booked: 1, conversion: 0.5 },
  revenue: { INR: 80000 },
};

describe("the dashboard's figures", () => {
  it("names every number of the report by its path, and nothing else", () => {
    const figures = figuresOf(report);
    expect(figures.get("bookingsPerDay.2026-12-02")).toBe(1);
    expect(figures.get("cancellations.by.patient")).toBe(1);
    expect(figures.get("revenue.INR")).toBe(80000);
    expect(figures.has("from")).toBe(false);
    expect(figures.size).toBe(16);
    expect(figuresOf({ ...report, noShowRate: null }).has("noShowRate")).toBe(false);
  });

  it("formats rates and money as a reader expects", () => {
    expect(percent(0.125)).toBe("12.5%");
    expect(percent(null)).toBe("—");
    expect(money(80000, "INR")).toBe("₹800.00");
  });
});
