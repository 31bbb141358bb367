import type { ResolvedScenario } from "#domain/scenario-model.ts";
import { formatHuman, type Instant, instant } from "#domain/time.ts";
import { ClearanceGate } from "../clearance-gate.ts";
import { buildLpBoundModel, type LpBoundModel } from "./lp-bound.ts";
import { toLpText } from "./lp-model.ts";
import { bucketStart } from "./time-grid.ts";

/** Bucket sizes tried, finest first (minutes). */
export const BUCKET_CHOICES = [30, 60, 90, 120, 180, 240, 360, 480, 720, 1440] as const;

/** Loads move on periods of about this many minutes (a whole number of buckets). */
const PERIOD_MINUTES = 720;

/**
 * Columns the solver can take within the time limit: HiGHS compiled to WebAssembly re-solves a model of
 * this size in a few seconds on one core (its time grows faster than the size).
 */
export const DEFAULT_MAX_COLUMNS = 12_000;

export interface LpBoundRequest {
  /** The grid must reach this instant: the plan's closure when known, else the deadline. */
  readonly upTo: Instant;
  /** Where the search starts: the best bound known so far. */
  readonly from?: Instant;
  /** Largest model to build (columns). */
  readonly maxColumns?: number;
  /** Force a bucket size (minutes), for tests; otherwise the finest whose model fits. */
  readonly bucketMinutes?: number;
}

/** A model ready for a solver: the LP text and where to start the search over `lp.horizons`. */
export interface LpBoundProblem {
  readonly lp: LpBoundModel;
  readonly text: string;
  /** Horizon to ask first. */
  readonly start: number;
}

/**
 * Chooses the grid and builds the relaxation: the finest bucket size whose model stays within
 * `maxColumns`, estimated from a coarse probe of the same horizon (aircraft columns grow with the
 * buckets, load columns with the periods). Pure.
 */
export function prepareLpBound(rs: ResolvedScenario, req: LpBoundRequest): LpBoundProblem {
  const gate = new ClearanceGate(rs.scenario, rs.start);
  const span = Math.max(1, req.upTo - rs.start + 1);
  const step = req.bucketMinutes ?? chooseBucket(rs, gate, span, req.maxColumns ?? DEFAULT_MAX_COLUMNS);
  const grid = { t0: rs.start, step, n: Math.ceil(span / step) };
  const lp = buildLpBoundModel(rs, gate, {
    bucketMinutes: step,
    buckets: grid.n,
    periodBuckets: Math.max(1, Math.round(PERIOD_MINUTES / step)),
  });
  // Start a bucket below the best known bound: the relaxation is usually infeasible there, and moving
  // up from an infeasible horizon re-solves fast (moving down does not).
  const from = req.from === undefined ? undefined : req.from - step;
  const below = from === undefined ? -1 : lp.horizons.findLastIndex((t) => t < from);
  const start = below >= 0 ? below : Math.floor((lp.horizons.length - 1) / 2);
  return { lp, text: toLpText(lp.model), start: Math.max(0, start) };
}

function chooseBucket(rs: ResolvedScenario, gate: ClearanceGate, span: number, maxColumns: number): number {
  const probeBuckets = 24;
  const probeStep = Math.max(1, Math.ceil(span / probeBuckets));
  const probe = buildLpBoundModel(rs, gate, { bucketMinutes: probeStep, buckets: probeBuckets, periodBuckets: 1 });
  let aircraft = 0;
  let loads = 0;
  for (const label of probe.model.colLabel) {
    const kind = label.slice(0, label.indexOf(" "));
    if (["ground", "fly", "load", "cycle", "busy", "spot"].includes(kind)) aircraft++;
    else loads++;
  }
  for (const step of BUCKET_CHOICES) {
    const n = Math.ceil(span / step);
    const periods = Math.ceil(n / Math.max(1, Math.round(PERIOD_MINUTES / step)));
    const estimate = (aircraft / probeBuckets) * n + (loads / probeBuckets) * periods;
    if (estimate <= maxColumns) return step;
  }
  return 1440;
}

/**
 * What the smallest feasible horizon j proves: no plan closes before `horizons[j]`, since every earlier
 * horizon (every closure before it) is infeasible. With no feasible horizon, no plan closes within the
 * grid; with nothing to move, the bound is the start.
 */
export function lpBoundAt(problem: LpBoundProblem, j: number): Instant {
  const { grid, horizons, demand } = problem.lp;
  if (demand.tonnes + demand.positions + demand.people === 0) return instant(grid.t0);
  return instant(horizons[j] ?? bucketStart(grid, grid.n));
}

/** The bound's detail line for the plan. */
export function lpBoundDetail(problem: LpBoundProblem, k: number): string {
  const { grid, periodBuckets } = problem.lp;
  const hours = (min: number) => `${Math.round((min / 60) * 10) / 10} h`;
  return (
    `time-space network LP relaxation (${hours(grid.step)} buckets, loads per ${hours(grid.step * periodBuckets)}, ` +
    `${problem.lp.model.columns} columns): no fractional schedule moves everything with its last loaded departure before ${formatHuman(lpBoundAt(problem, k))}`
  );
}
