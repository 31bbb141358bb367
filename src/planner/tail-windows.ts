import type { FleetEntry, Window } from "#domain/fleet.ts";
import { instant } from "#domain/time.ts";

/**
 * When aircraft n of a fleet entry may fly: the entry's availability windows less its out-of-service
 * periods, in time order.
 * @example tailWindows(fleet, 2) // [{ from, to }, …]
 */
export function tailWindows(fleet: FleetEntry, n: number): Window[] {
  let windows = [...fleet.availability].sort((a, b) => a.from - b.from);
  for (const out of fleet.outOfService) {
    if (out.aircraft !== n) continue;
    const end = out.to ?? Number.POSITIVE_INFINITY;
    windows = windows.flatMap((w) => {
      if (end <= w.from || out.from >= w.to) return [w];
      const parts: Window[] = [];
      if (out.from > w.from) parts.push({ from: w.from, to: instant(out.from) });
      if (end < w.to) parts.push({ from: instant(end), to: w.to });
      return parts;
    });
  }
  return windows;
}
