/** An appointment as a calendar entry. */
export interface CalendarEntry {
  uid: string;
  /** Instants, ISO 8601. */
  start: string;
  end: string;
  title: string;
  location: string;
  description: string;
}

/**
 * The entry as an iCalendar file (RFC 5545) that every calendar app imports: times in UTC, text
 * escaped, lines folded at 75 octets without splitting a character.
 */
export function toIcs(entry: CalendarEntry, now: Date = new Date()): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Illajwala//Appointments//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    `UID:${entry.uid}@illajwala`,
    `DTSTAMP:${utc(now)}`,
    `DTSTART:${utc(new Date(entry.start))}`,
    `DTEND:${utc(new Date(entry.end))}`,
    `SUMMARY:${escapeText(entry.title)}`,
    `LOCATION:${escapeText(entry.location)}`,
    `DESCRIPTION:${escapeText(entry.description)}`,
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(fold).join("\r\n") + "\r\n";
}

/** A data: address of the file, for a download link. */
export function icsHref(entry: CalendarEntry): string {
  return "data:text/calendar;charset=utf-8," + encodeURIComponent(toIcs(entry));
}

function utc(instant: Date): string {
  return instant
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

function escapeText(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

const encoder = new TextEncoder();

function fold(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const character of line) {
    const size = encoder.encode(character).length;
    // continuation lines start with a space, which counts towards their 75 octets
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}
