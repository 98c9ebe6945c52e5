import { Card } from "@illajwala/ui";
import type { ReactNode } from "react";

/**
 * One headline figure; `name` is its path in the analytics report, `value` the report's number, or
 * null where the report has none (a rate of nothing: no appointments seen, no seats published).
 */
export function Figure({
  label,
  name,
  value,
  shown,
  hint,
}: {
  label: string;
  name: string;
  value: number | null;
  shown: ReactNode;
  hint?: ReactNode;
}) {
  return (
    <Card>
      <div className="text-sm text-slate-600">{label}</div>
      {value === null ? (
        <div className="text-2xl font-semibold text-slate-900" data-figure-none={name}>
          —
        </div>
      ) : (
        <div className="text-2xl font-semibold text-slate-900" data-figure={name} data-value={value}>
          {shown}
        </div>
      )}
      {hint !== undefined && <div className="mt-1 text-sm text-slate-600">{hint}</div>}
    </Card>
  );
}
