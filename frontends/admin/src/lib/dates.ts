import { browserTimeZone } from "@illajwala/ui";

/** The calendar day `days` after today in the browser's time zone, as YYYY-MM-DD. */
export function dayFromToday(days: number): string {
  const day = new Date();
  day.setDate(day.getDate() + days);
  return new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit" }).format(day);
}

/**
 * An instant as "4 Dec 2026, 18:20:05": the month in words and a 24-hour clock, so neither the
 * day and month nor morning and evening can be mistaken; in the reader's time zone unless told.
 */
export function formatTimestamp(instant: string, timeZone: string = browserTimeZone()): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).format(new Date(instant));
}
