import type { ReactNode } from "react";

/**
 * The page's main button, kept at the bottom of a phone's screen while its form or card is in
 * view (below the fold it would be missed); in place on wider screens.
 */
export function StickyActions({ children }: { children: ReactNode }) {
  return (
    <div
      data-testid="sticky-actions"
      className="sticky bottom-0 z-10 -mx-4 -mb-4 rounded-b-lg border-t border-slate-200 bg-white/95 p-3 sm:static sm:m-0 sm:border-0 sm:bg-transparent sm:p-0"
    >
      {children}
    </div>
  );
}
