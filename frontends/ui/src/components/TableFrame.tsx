import type { ReactNode } from "react";

/**
 * A table that may be wider than a phone: it scrolls sideways in a region keyboard users can reach
 * (Tab) and scroll (arrow keys), named for screen readers.
 */
export function TableFrame({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className="overflow-x-auto rounded-lg border border-slate-200 bg-white focus-visible:outline-2 focus-visible:outline-teal-700"
    >
      {children}
    </div>
  );
}
