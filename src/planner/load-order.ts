/**
 * The order in which an aircraft takes the cargo waiting at a site, inside each tier of the loading
 * order (priority, sensitive first, time available):
 *
 * - `queue`: biggest and heaviest first. Loads of dense cargo then fill the allowable load with
 *   pallet positions to spare, and loads of bulky cargo fill the positions with weight to spare.
 * - `balanced`: while the load is denser than the aircraft (kilograms per pallet position above its
 *   allowable load over its positions) the lightest piece per position comes next, otherwise the
 *   next in queue order; a site's last few loads keep queue order, so the closing team's seats are
 *   not traded for a lighter piece. Measured on generated scenarios: C-130J-30 loads had been
 *   weight-bound (7.2 of 8 positions, 15.3 of 17 t) and C-17A loads position-bound (17.6 of 18
 *   positions, 44.6 of ~72 t); balancing took closure / bound of the 100,000-item case from 1.086
 *   to 1.072 (5,050 sorties instead of 5,162) and MINUSMA from 1.051 to 1.042.
 *
 * Neither wins everywhere, so where plans are cheap the planner tries both (see `plan-withdrawal.ts`).
 */
export type LoadOrder = "balanced" | "queue";

/** The load orders the improvement phase tries, the default first. */
export const LOAD_ORDERS: readonly LoadOrder[] = ["balanced", "queue"];
