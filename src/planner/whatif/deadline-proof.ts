import type { ResolvedScenario } from "#domain/scenario-model.ts";
import { positionEquivalents } from "#domain/standard-weights.ts";
import { formatHuman, type Instant } from "#domain/time.ts";
import { type ClosureBound, closureBounds } from "../bounds.ts";
import { ClearanceGate } from "../clearance-gate.ts";
import { unitFitsType } from "../fits.ts";
import type { LoosePiece } from "../lift-unit.ts";
import { fitsPallet } from "../palletise.ts";
import { stranded } from "./ways-out.ts";

/** Why no plan of a scenario can meet its deadline, whatever a planner does. */
export interface DeadlineProof {
  /** `no-way-out` (cargo no route leads out from), `lift` (a piece no aircraft of the fleet can carry) or the name of the lower bound. */
  readonly name: string;
  /** The bound's instant; absent for `lift`. */
  readonly at?: Instant;
  readonly detail: string;
}

/** The planner's strongest lower bound on the closure (`closureBounds`, without planning). */
export function strongestBound(rs: ResolvedScenario): ClosureBound {
  const bounds = closureBounds(rs, new ClearanceGate(rs.scenario, rs.start));
  return bounds.reduce((b, x) => (x.at > b.at ? x : b), bounds[0] ?? { name: "start", at: rs.start, detail: "planning start" });
}

/**
 * A proof that no plan meets the deadline, or `undefined` when none is found (which proves nothing
 * either way). Three arguments, all independent of any search: cargo at a site from which no air leg
 * or road route leads out of the country (`stranded`); a piece that no aircraft type left in the fleet
 * can carry (by its own size and weight, not by how it was palletised) while it must fly; or one of
 * the planner's lower bounds (`closureBounds`) after the deadline.
 */
export function cannotMeetDeadline(rs: ResolvedScenario): DeadlineProof | undefined {
  const cut = stranded(rs).find((x) => x.cargo);
  if (cut) return { name: "no-way-out", detail: `cargo at ${cut.site} cannot leave: ${cut.reason}` };
  const lift = unliftable(rs);
  if (lift) return lift;
  const bound = strongestBound(rs);
  if (bound.at > rs.deadline)
    return { name: bound.name, at: bound.at, detail: `no plan can close before ${formatHuman(bound.at)}, after the deadline ${formatHuman(rs.deadline)} (${bound.name}: ${bound.detail})` };
  return undefined;
}

function unliftable(rs: ResolvedScenario): DeadlineProof | undefined {
  const s = rs.scenario;
  const types = [...new Set(s.fleet.filter((f) => f.count > 0).map((f) => f.type))]
    .flatMap((t) => rs.types.get(t) ?? [])
    .filter((t) => t.role !== "passenger_charter" && t.palletPositions > 0);
  const host = (id: string) => rs.sites.get(id as never)?.inHostCountry === true;
  // Cargo that a road route could take straight out of the country need not fly.
  const roadOut = new Set(s.roadRoutes.flatMap((r) => (host(r.from) && !host(r.to) ? [r.from as string] : !host(r.from) && host(r.to) ? [r.to as string] : [])));
  const pieces = s.cargo.filter((c) => c.disposition === "withdraw" && c.quantity > 0 && host(c.site) && !roadOut.has(c.site));
  if (types.length === 0 && pieces.length > 0)
    return { name: "lift", detail: `no aircraft that carries cargo is left in the fleet, and ${pieces.reduce((n, c) => n + c.quantity, 0)} pieces must fly out` };
  for (const c of pieces) {
    // A box that fits a pallet could travel on some pallet; only a piece that flies as itself is a proof.
    if (fitsPallet(c)) continue;
    const piece: LoosePiece = {
      kind: "loose",
      cargo: c,
      site: c.site,
      weightKg: c.unitWeight,
      positions: positionEquivalents(c.dimensions),
      priority: c.priority,
      sensitive: c.sensitive,
    };
    if (!types.some((t) => unitFitsType(piece, t)))
      return {
        name: "lift",
        detail: `cargo ${c.id} (${c.description}) fits no aircraft type left in the fleet${types.length > 0 ? ` (${types.map((t) => t.id).join(", ")})` : ""}`,
      };
  }
  return undefined;
}
