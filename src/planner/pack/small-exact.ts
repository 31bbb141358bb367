/**
 * Exact packing of a handful of items into a fixed number of bins, by depth-first
 * assignment. Used by the local search's end game, where S plus one bin (about a dozen
 * items) must go into three bins.
 */

/**
 * Packs `ids` into at most `k` bins of capacity `C`, or returns null when it cannot (or
 * when `nodeLimit` search nodes were not enough to find out).
 *
 * Items are placed heaviest first; bins with equal load are interchangeable, so only the
 * first of them is tried; the search stops when the items left exceed the room left.
 *
 * @example packInto([0, 1, 2, 3], [6, 5, 4, 5], 2, 10, 1000) // [[0, 2], [1, 3]]
 */
export function packInto(
  ids: readonly number[],
  w: ArrayLike<number>,
  k: number,
  C: number,
  nodeLimit: number,
): number[][] | null {
  const items = ids.slice().sort((a, b) => w[b]! - w[a]!);
  const n = items.length;
  const ws = Float64Array.from(items, (i) => w[i]!);
  const suffix = new Float64Array(n + 1);
  for (let i = n - 1; i >= 0; i--) suffix[i] = suffix[i + 1]! + ws[i]!;
  if (suffix[0]! > k * C) return null;
  const load = new Float64Array(k);
  const where = new Int32Array(n);
  const st = { nodes: 0, nodeLimit, ws, suffix, load, where, n, k, C };
  if (!assign(st, 0)) return null;
  const bins: number[][] = Array.from({ length: k }, () => []);
  for (let i = 0; i < n; i++) bins[where[i]!]!.push(items[i]!);
  return bins.filter((b) => b.length > 0);
}

interface AssignState {
  nodes: number;
  readonly nodeLimit: number;
  readonly ws: Float64Array;
  readonly suffix: Float64Array;
  readonly load: Float64Array;
  readonly where: Int32Array;
  readonly n: number;
  readonly k: number;
  readonly C: number;
}

function assign(st: AssignState, i: number): boolean {
  if (i === st.n) return true;
  if (++st.nodes > st.nodeLimit) return false;
  const { load, k, C } = st;
  let free = 0;
  for (let b = 0; b < k; b++) free += C - load[b]!;
  if (st.suffix[i]! > free) return false;
  const x = st.ws[i]!;
  for (let b = 0; b < k; b++) {
    const lb = load[b]!;
    if (lb + x > C) continue;
    let seen = false;
    for (let c = 0; c < b; c++) if (load[c] === lb) seen = true;
    if (seen) continue; // an equally loaded bin was already tried
    load[b] = lb + x;
    st.where[i] = b;
    if (assign(st, i + 1)) return true;
    load[b] = lb;
    if (st.nodes > st.nodeLimit) return false;
  }
  return false;
}
