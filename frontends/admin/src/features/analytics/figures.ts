import type { AnalyticsReport } from "@illajwala/api-client";

/**
 * Every figure of a report by its path in the report (`cancellations.by.patient`,
 * `bookingsPerDay.2026-12-01`): the dashboard shows each under that name, so what it shows can be
 * checked against the API figure by figure.
 */
export function figuresOf(report: AnalyticsReport): Map<string, number> {
  const figures = new Map<string, number>();
  const walk = (prefix: string, value: unknown) => {
    if (typeof value === "number") {
      figures.set(prefix, value);
    } else if (typeof value === "object" && value !== null) {
      for (const [key, inner] of Object.entries(value)) {
        walk(prefix === "" ? key : `${prefix}.${key}`, inner);
      }
    }
  };
  walk("", report);
  return figures;
}

/** 0.125 → 12.5%; nothing to show for a rate of nothing. */
export function percent(value: number | null): string {
  return value === null ? "—" : `${(value * 100).toFixed(1)}%`;
}

/** 26.5 → 26.5 h */
export function hours(value: number | null): string {
  return value === null ? "—" : `${value.toFixed(1)} h`;
}

/** 150000 minor units of INR → ₹1,500.00 */
export function money(minor: number, currency: string): string {
  return new Intl.NumberFormat("en-IN", { style: "currency", currency }).format(minor / 100);
}
