import type { ResolvedScenario } from "#domain/scenario-model.ts";
import { formatHuman, formatInstant, parseInstant } from "#domain/time.ts";
import { planMeets, type Variant } from "./compare.ts";
import { type DeadlineProof, strongestBound } from "./deadline-proof.ts";
import { fleetByType, fleetVariations, formatFleet } from "./fleet-counts.ts";
import { type SearchOptions, smallestPassing, Trials } from "./trials.ts";

/** The claim that one aircraft fewer of a type cannot meet the deadline, and how far it is proved. */
export interface OneFewer {
  readonly type: string;
  /** The count tried: the found count minus one. */
  readonly count: number;
  /**
   * `proved`: a lower bound after the deadline (or a piece nothing left can carry) shows no plan can;
   * `not-proved`: the bounds allow it, only the planner did not find a plan.
   */
  readonly verdict: "proved" | "not-proved";
  /** The argument, when proved. */
  readonly proof?: DeadlineProof;
  /** The strongest lower bound on the closure with one fewer. */
  readonly bound: { readonly name: string; readonly at: string };
  /** The planner's closure with one fewer, when it was planned (not needed once proved). */
  readonly plannerClosureAt?: string;
  readonly detail: string;
}

export interface MinFleetResult {
  /** Whether a fleet that meets the deadline was found. */
  readonly found: boolean;
  /** By type, in fleet order: the count found and the scenario's. */
  readonly fleet: readonly { readonly type: string; readonly count: number; readonly was: number }[];
  /** The found fleet's scenario and plan. */
  readonly variant?: Variant;
  readonly oneFewer: readonly OneFewer[];
  /** Why no fleet was found. */
  readonly reason?: string;
  readonly plansRun: number;
  readonly boundsRun: number;
  /** Planner failures (bugs) met on the way; those fleets counted as missing the deadline. */
  readonly plannerErrors: readonly string[];
}

export interface MinFleetOptions extends SearchOptions {
  /** Most aircraft of one type to try (default 256). */
  readonly maxPerType?: number;
}

type Counts = Map<string, number>;

/**
 * The smallest fleet by type whose plan meets the deadline with everything moved, and for each type
 * the evidence that one fewer cannot. Types are reduced one at a time in fleet order by bisection
 * (cheap lower bounds rule a count out before the planner runs), rounds repeat until no type can lose
 * one, so the result is minimal type by type (another order may find another minimal mix). A
 * scenario whose fleet misses the deadline first has its fleet doubled until it meets.
 * The "one fewer" claim is `proved` only when a bound after the deadline (or a piece no type left
 * can carry) says so; otherwise it is `not-proved`: the planner found no plan, the bounds allow one.
 *
 * @example
 * const r = minFleet(rs);
 * r.fleet; // [{ type: "C-17A", count: 1, was: 1 }, { type: "C-130J-30", count: 0, was: 1 }]
 * r.oneFewer; // [{ type: "C-17A", count: 0, verdict: "proved", … }]
 */
export function minFleet(rs: ResolvedScenario, options: MinFleetOptions = {}): MinFleetResult {
  const trials = new Trials(rs, options.seed ?? 1);
  const original = fleetByType(rs.scenario);
  const types = [...original.keys()];
  const maxPerType = options.maxPerType ?? 256;
  const progress = (fraction: number, detail: string) => options.onProgress?.("minfleet", fraction, `${detail} · ${trials.plans} plans, ${trials.proofs} bounds`);
  const variations = (c: Counts) => fleetVariations(rs.scenario, c);
  const proofOf = (c: Counts) => trials.check(variations(c))?.proof;
  const meets = (c: Counts) => {
    if (proofOf(c)) return false;
    const v = trials.plan(variations(c));
    return v !== undefined && planMeets(v.plan);
  };
  const result = (found: boolean, counts: Counts, oneFewer: OneFewer[], reason?: string): MinFleetResult => {
    const variant = found ? trials.plan(variations(counts)) : undefined;
    return {
      found,
      fleet: types.map((type) => ({ type, count: counts.get(type) ?? 0, was: original.get(type) ?? 0 })),
      ...(variant ? { variant } : {}),
      oneFewer,
      ...(reason !== undefined ? { reason } : {}),
      plansRun: trials.plans,
      boundsRun: trials.proofs,
      plannerErrors: [...trials.errors],
    };
  };

  let counts: Counts = new Map(original);
  if (types.length === 0) return result(false, counts, [], "the scenario has no fleet");
  progress(0, `the scenario's fleet (${formatFleet(counts)})`);
  if (!meets(counts)) {
    const grown = grow(counts, maxPerType, meets, (c) => progress(0.1, `growing to ${formatFleet(c)}`));
    if (!grown) {
      const most = new Map(types.map((t) => [t, (original.get(t) ?? 0) > 0 || [...original.values()].every((n) => n === 0) ? maxPerType : 0]));
      const proof = proofOf(most);
      return result(
        false,
        counts,
        [],
        proof ? `no fleet of these types can: with ${formatFleet(most)}, ${proof.detail}` : `the planner found no plan that meets the deadline with up to ${maxPerType} aircraft of each type (the bounds do not rule it out)`,
      );
    }
    counts = grown;
  }

  for (let round = 0; round < 2 * types.length + 4; round++) {
    types.forEach((type, i) => {
      const hi = counts.get(type) ?? 0;
      if (hi === 0) return;
      progress((i + 0.5) / (types.length + 1), `${type}: between 0 and ${hi}`);
      const n = smallestPassing(0, hi, (k) => meets(new Map(counts).set(type, k)));
      counts.set(type, n);
    });
    // The search takes the planner as monotone in each count; the check below does not.
    const oneFewer: OneFewer[] = [];
    let smaller: Counts | undefined;
    for (const type of types) {
      const n = counts.get(type) ?? 0;
      if (n === 0) continue;
      progress(types.length / (types.length + 1), `checking ${type} ${n - 1}`);
      const fewer = new Map(counts).set(type, n - 1);
      const checked = trials.check(variations(fewer));
      if (!checked) continue;
      const bound = strongestBound(checked.rs);
      const boundOut = { name: bound.name, at: formatInstant(bound.at) };
      if (checked.proof) {
        oneFewer.push({ type, count: n - 1, verdict: "proved", proof: checked.proof, bound: boundOut, detail: checked.proof.detail });
        continue;
      }
      const v = trials.plan(variations(fewer));
      if (v && planMeets(v.plan)) {
        smaller = fewer;
        break;
      }
      oneFewer.push({
        type,
        count: n - 1,
        verdict: "not-proved",
        bound: boundOut,
        ...(v ? { plannerClosureAt: v.plan.summary.closureAt } : {}),
        detail: `not proved: the bounds allow a closure from ${formatHuman(bound.at)} (${bound.name}), before the deadline ${formatHuman(checked.rs.deadline)}; with ${n - 1} the planner ${v ? (v.plan.unplanned.length > 0 ? `leaves ${v.plan.unplanned.length} movements unplanned` : `closes ${formatHuman(parseInstant(v.plan.summary.closureAt) ?? checked.rs.start)}`) : "failed (see plannerErrors)"}`,
      });
    }
    if (!smaller) {
      progress(1, formatFleet(counts));
      return result(true, counts, oneFewer);
    }
    counts = smaller;
  }
  return result(true, counts, [], "the search stopped after its round limit; the fleet meets the deadline but may not be minimal");
}

/** Doubles the fleet (types at 0 stay at 0 unless all are) until it meets the deadline or a type would pass the cap. */
function grow(start: Counts, cap: number, meets: (c: Counts) => boolean, onStep: (c: Counts) => void): Counts | undefined {
  const allZero = [...start.values()].every((n) => n === 0);
  let c = new Map([...start].map(([t, n]) => [t, allZero ? 1 : n]));
  for (;;) {
    onStep(c);
    if (meets(c)) return c;
    if ([...c.values()].every((n) => n === 0 || n >= cap)) return undefined;
    c = new Map([...c].map(([t, n]) => [t, Math.min(cap, n * 2)]));
  }
}
