import type { PackOptions, PackResult, PalletBox, PalletContainer } from "./box.ts";
import { groupBoxTypes } from "./box-type.ts";
import { packBoxTypes } from "./pack-pallet.ts";

/** Options of {@link packContainers}: the packer's, per container, and how many containers at most. */
export interface PackContainersOptions extends PackOptions {
  /** Stop after this many containers (default: until every box that fits one is in). */
  readonly maxContainers?: number;
}

/** Containers packed one after another, and the boxes left out. */
export interface PackedContainers {
  readonly containers: readonly PackResult[];
  /** Boxes in no container: they fit none (too big, too heavy, no allowed orientation fits), or `maxContainers` was reached. */
  readonly unplaced: readonly string[];
}

/**
 * Packs boxes into identical containers, one at a time: each is packed with the block-building
 * search of {@link packBoxTypes} from the boxes still left (grouped into types once), until every
 * box that fits a container is in one. The time budget and iteration limit apply per container;
 * container `i` uses seed `seed + i`.
 * @example packContainers(boxes, { length: 587, width: 233, height: 220 }, { maxIterations: 50 }).containers.length
 */
export function packContainers(boxes: readonly PalletBox[], container: PalletContainer, opts: PackContainersOptions = {}): PackedContainers {
  const containers: PackResult[] = [];
  let types = groupBoxTypes(boxes);
  const most = opts.maxContainers ?? Number.POSITIVE_INFINITY;
  for (let i = 0; i < most && types.some((t) => t.ids.length > 0); i++) {
    const r = packBoxTypes(types, container, { ...opts, seed: (opts.seed ?? 1) + i });
    if (r.placements.length === 0) break;
    containers.push(r);
    const placed = new Set(r.placements.map((p) => p.boxId));
    types = types.map((t) => ({ ...t, ids: t.ids.filter((id) => !placed.has(id)) }));
  }
  const left = new Set(types.flatMap((t) => t.ids));
  return { containers, unplaced: boxes.filter((b) => left.has(b.id)).map((b) => b.id) };
}
