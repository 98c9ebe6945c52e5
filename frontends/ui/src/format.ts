/** The languages the apps are written in; dates and money follow the reader's. */
export type Language = "en" | "hi";

const LOCALES: Record<Language, string> = { en: "en-IN", hi: "hi-IN" };

export function localeOf(language: Language): string {
  return LOCALES[language];
}

/** The browser's own time zone, e.g. Europe/London. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** 9:30 am, in the given time zone. */
export function formatTime(instant: string, timeZone: string, language: Language): string {
  return new Intl.DateTimeFormat(localeOf(language), { timeZone, hour: "numeric", minute: "2-digit" }).format(
    new Date(instant),
  );
}

/** Tue, 1 Dec, in the given time zone. */
export function formatDay(instant: string, timeZone: string, language: Language): string {
  return new Intl.DateTimeFormat(localeOf(language), {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
  }).format(new Date(instant));
}

/** Tuesday 1 December 2026 for a clinic day such as 2026-12-01 (no time zone: it is a calendar day). */
export function formatLocalDate(date: string, language: Language, style: "long" | "short" = "long"): string {
  const [year, month, day] = date.split("-").map(Number);
  const noonUtc = new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1, 12));
  return new Intl.DateTimeFormat(localeOf(language), {
    timeZone: "UTC",
    weekday: style === "long" ? "long" : "short",
    day: "numeric",
    month: style === "long" ? "long" : "short",
  }).format(noonUtc);
}

/** Tue, 1 Dec, 9:30 am, in the given time zone. */
export function formatDateTime(instant: string, timeZone: string, language: Language): string {
  return new Intl.DateTimeFormat(localeOf(language), {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "numeric",
    minute: "2-digit",
  }).format(new Date(instant));
}

/** India Standard Time: the zone's name in the reader's language. */
export function timeZoneName(timeZone: string, language: Language): string {
  const parts = new Intl.DateTimeFormat(localeOf(language), { timeZone, timeZoneName: "long" }).formatToParts(
    new Date(),
  );
  return parts.find((part) => part.type === "timeZoneName")?.value ?? timeZone;
}

/** The calendar day (YYYY-MM-DD) an instant falls on in a time zone. */
export function dayIn(instant: string | Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    typeof instant === "string" ? new Date(instant) : instant,
  );
}

/** ₹800 or £60. */
export function formatMoney(amount: number, currency: string, language: Language): string {
  const digits = Number.isInteger(amount) ? 0 : 2;
  return new Intl.NumberFormat(localeOf(language), {
    style: "currency",
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(amount);
}

/** 9:58 for a duration in seconds. */
export function formatCountdown(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  return `${String(Math.floor(whole / 60))}:${String(whole % 60).padStart(2, "0")}`;
}
