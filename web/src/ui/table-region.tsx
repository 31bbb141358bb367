/**
 * A table's horizontal scroll box that keyboard users can reach: when a wide table scrolls, its
 * box takes focus (so the arrow keys scroll it) and is a named region, as axe-core asks.
 */
import type { ReactNode } from "react";

/** `label` (already translated) names the region, usually after the table's heading. */
export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling box must be reachable from the keyboard.
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
