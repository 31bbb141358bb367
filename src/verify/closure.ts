import type { Instant } from "#domain/time.ts";
import { carriesCargo, isLoaded, type VerifyContext } from "./context.ts";

/** When a host-country site is left: its last departure carrying cargo, and carrying anything. */
export interface SiteClosureTimes {
  readonly lastCargoAt: Instant | undefined;
  readonly closedAt: Instant | undefined;
}

/**
 * The closure as the movements give it: for each host-country site the last departure carrying cargo
 * and the last carrying cargo or people (empty aircraft leaving do not count), and the closure of the
 * whole withdrawal, the last loaded departure from any host site (undefined when nothing leaves).
 */
export function closureTimes(ctx: VerifyContext): {
  sites: Map<string, SiteClosureTimes>;
  closureAt: Instant | undefined;
} {
  const sites = new Map<string, SiteClosureTimes>();
  let closureAt: Instant | undefined;
  const later = (a: Instant | undefined, b: Instant) => (a === undefined || b > a ? b : a);
  for (const m of ctx.movements) {
    if (!ctx.inHost(m.from) || !isLoaded(m)) continue;
    const prev = sites.get(m.from) ?? { lastCargoAt: undefined, closedAt: undefined };
    sites.set(m.from, {
      lastCargoAt: carriesCargo(m) ? later(prev.lastCargoAt, m.departAt) : prev.lastCargoAt,
      closedAt: later(prev.closedAt, m.departAt),
    });
    closureAt = later(closureAt, m.departAt);
  }
  return { sites, closureAt };
}
