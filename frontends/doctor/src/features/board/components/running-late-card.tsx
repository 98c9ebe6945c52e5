import { Card } from "@illajwala/ui";

/** What the running-late card says: the later of the estimate and what patients were told. */
export function lateness(
  estimate: number,
  announced: number | null,
): { minutes: number; text: string; detail: string } {
  const minutes = Math.max(estimate, announced ?? 0);
  const details = [
    ...(announced === null ? [] : [`patients told ${String(announced)} min`]),
    ...(estimate > 0 && estimate !== announced ? [`estimate from the queue ${String(estimate)} min`] : []),
  ];
  return { minutes, text: minutes === 0 ? "On time" : `${String(minutes)} min`, detail: details.join(" · ") };
}

export function RunningLateCard({ estimate, announced }: { estimate: number; announced: number | null }) {
  const late = lateness(estimate, announced);
  return (
    <Card>
      <div className="text-sm text-slate-600">Running late</div>
      <div
        className="text-2xl font-semibold"
        data-testid="running-late"
        data-minutes={late.minutes}
        data-announced={announced ?? undefined}
      >
        {late.text}
      </div>
      {late.detail !== "" && <div className="text-sm text-slate-600">{late.detail}</div>}
    </Card>
  );
}
