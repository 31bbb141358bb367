import { type LoadModel, limitPositions, overlapsOf } from "#domain/load-model.ts";

/**
 * The positions of one configuration: none overlapping another. Where a wide position overlaps
 * narrow ones, the narrow ones stay (the position with the most overlaps goes first), which keeps
 * the most positions; a type without overlaps keeps them all.
 * @example positionConfiguration(md11f).has("CDR") // false: CR and DR stay
 */
export function positionConfiguration(model: LoadModel): Set<string> {
  const overlaps = overlapsOf(model);
  const kept = new Set(model.positions.map((p) => p.id));
  for (;;) {
    let worst: string | undefined;
    let most = 0;
    for (const id of kept) {
      const n = [...(overlaps.get(id) ?? [])].filter((o) => kept.has(o)).length;
      if (n > most || (n === most && n > 0 && worst !== undefined && id > worst)) {
        worst = id;
        most = n;
      }
    }
    if (!worst || most === 0) return kept;
    kept.delete(worst);
  }
}

/**
 * How far the units on positions (position id → gross kg) exceed the cumulative limits, kg summed
 * over limits (0 when all are kept). Limits that count a handling code are left out: the weights
 * given are gross.
 */
export function limitExcess(model: LoadModel, kgAt: ReadonlyMap<string, number>): number {
  let excess = 0;
  for (const l of model.weightLimits) {
    if (l.handlingCode !== undefined) continue;
    const sum = limitPositions(model, l).reduce((n, id) => n + (kgAt.get(id) ?? 0), 0);
    excess += Math.max(0, sum - l.maxWeight);
  }
  return excess;
}
