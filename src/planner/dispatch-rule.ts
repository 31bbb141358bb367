/**
 * How the sortie scheduler picks a site for an aircraft: among the sites where it can leave loaded no
 * later than `patienceMinutes` after its earliest possible loaded departure anywhere, the one with the
 * most work left (pallet positions and people, times the sortie's length), with sites closed part of
 * the day counting `hoursWeight` times their closed share more. Big, far and restricted sites are then
 * served all along instead of being left for the end, when their hours or spots hold the fleet up.
 */
export interface DispatchRule {
  readonly patienceMinutes: number;
  readonly hoursWeight: number;
}

/**
 * The rules the improvement phase tries, best on average first (measured on generated scenarios:
 * none wins everywhere, so the planner keeps the best plan of those it can afford).
 */
export const DISPATCH_RULES: readonly DispatchRule[] = [
  { patienceMinutes: 60, hoursWeight: 4 },
  { patienceMinutes: 0, hoursWeight: 0 },
];

/** A site's share of the day when it is closed (0 with no operating hours). */
export function closedShare(hours: { readonly open: number; readonly close: number } | undefined): number {
  if (!hours) return 0;
  const open = (hours.close - hours.open + 1440) % 1440;
  return 1 - open / 1440;
}
