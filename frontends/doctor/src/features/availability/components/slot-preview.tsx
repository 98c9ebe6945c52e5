import type { AvailabilityPreview } from "@illajwala/api-client";
import { Card, dayIn, formatLocalDate, formatTime } from "@illajwala/ui";

/** The slots the rules will create, day by day, in the clinic's time zone. */
export function SlotPreview({ preview }: { preview: AvailabilityPreview }) {
  const days = new Map<string, AvailabilityPreview["slots"]>();
  for (const slot of preview.slots) {
    const day = dayIn(slot.start, preview.timezone);
    days.set(day, [...(days.get(day) ?? []), slot]);
  }
  return (
    <section aria-labelledby="preview-heading" className="space-y-3" data-testid="slot-preview">
      <h2 id="preview-heading" className="text-lg font-semibold">
        Preview: <span data-testid="preview-count">{preview.slots.length}</span> slots on {days.size} days (
        {preview.timezone})
      </h2>
      {preview.slots.length === 0 && <p>These rules create no slots.</p>}
      <ul className="grid gap-2 md:grid-cols-2">
        {[...days.entries()].map(([day, slots]) => (
          <li key={day} data-day={day}>
            <Card className="p-3">
              <div className="text-sm font-semibold">
                {formatLocalDate(day, "en")} · {slots.length} slots
              </div>
              <p className="mt-1 text-sm text-slate-700">
                {slots
                  .map(
                    (slot) =>
                      formatTime(slot.start, preview.timezone, "en") +
                      (slot.capacity > 1 ? ` (${String(slot.capacity)} seats)` : ""),
                  )
                  .join(", ")}
              </p>
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}
