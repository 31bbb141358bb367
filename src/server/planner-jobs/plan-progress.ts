/**
 * One plan's progress as a single rising share: the planner reports phases (bounds, convoys, each
 * try of the sorties, the sorties again with airline seats, done) each with its own fraction, and a
 * later try starts again at 0. Each phase gets its slice of the bar, and the share never goes back.
 */

/** The slices of a plan: bounds, convoys, the sortie tries, the try with airline seats. */
const BOUNDS = [0, 0.05] as const;
const CONVOYS = [0.05, 0.1] as const;
const SORTIES = [0.1, 0.7] as const;
const SEATS = [0.7, 0.99] as const;

const within = ([a, b]: readonly [number, number], f: number) => a + (b - a) * Math.max(0, Math.min(1, f));

/**
 * The share (0–1) of one plan done at a phase and its fraction.
 *
 * @example
 * phaseShare("sorties (plan 2/3)", 0.5); // 0.5: halfway through the second of three tries
 */
export function phaseShare(phase: string, fraction: number): number {
  if (phase === "done") return 1;
  if (phase === "bounds") return within(BOUNDS, fraction);
  if (phase === "convoys") return within(CONVOYS, fraction);
  if (phase === "sorties (airline seats)") return within(SEATS, fraction);
  const attempt = /^sorties \(plan (\d+)\/(\d+)\)$/.exec(phase);
  if (attempt) {
    const i = Number(attempt[1]) - 1;
    const n = Math.max(1, Number(attempt[2]));
    const width = (SORTIES[1] - SORTIES[0]) / n;
    return within([SORTIES[0] + i * width, SORTIES[0] + (i + 1) * width], fraction);
  }
  if (phase.startsWith("sorties")) return within(SORTIES, fraction);
  return within(BOUNDS, fraction);
}

/** Follows a run's share: it only ever rises. */
export class RisingShare {
  private best = 0;

  /** The share after this report. */
  next(share: number): number {
    this.best = Math.max(this.best, Math.min(1, share));
    return this.best;
  }
}
