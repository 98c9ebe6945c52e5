import { useCallback, useState } from "react";

const KEY = "illajwala.running-late.";

function stored(key: string): number | null {
  try {
    const value = localStorage.getItem(key);
    return value === null ? null : Number(value);
  } catch {
    return null;
  }
}

/**
 * The delay last announced to a doctor's patients for a day, from this browser (kept over a
 * reload). The board's own figure is an estimate from what happened (a consultation running over,
 * patients waiting); what patients were told is not part of the board's reading.
 */
export function useAnnouncedDelay(doctorId: string, date: string): [number | null, (minutes: number) => void] {
  const key = `${KEY}${doctorId}.${date}`;
  const [announced, setAnnounced] = useState<Record<string, number>>({});
  const remember = useCallback(
    (minutes: number) => {
      try {
        localStorage.setItem(key, String(minutes));
      } catch {
        // private browsing: the figure lasts while the page is open
      }
      setAnnounced((current) => ({ ...current, [key]: minutes }));
    },
    [key],
  );
  return [announced[key] ?? stored(key), remember];
}
