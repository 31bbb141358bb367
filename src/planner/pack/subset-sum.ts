/**
 * Bounded subset-sum search: the workhorse of Minimum Bin Slack, of the local search's
 * "refill a bin" move and of the two-bin feasibility test.
 */

/** The best subset found and whether the search ended before the node limit. */
export interface SubsetSumResult {
  /** Total weight of `picked`. */
  readonly sum: number;
  /** Chosen item ids, in the order of the input list. */
  readonly picked: number[];
  /** True when the search proved `sum` maximal (or reached the goal); false when cut off. */
  readonly complete: boolean;
  /** Search nodes used, for budgeting. */
  readonly nodes: number;
}

/** Search state, kept in one object so the recursion is a plain function (no closures in the hot path). */
interface SubsetSearch {
  ws: Float64Array;
  suffix: Float64Array;
  n: number;
  cap: number;
  target: number;
  nodeLimit: number;
  nodes: number;
  best: number;
  stack: Int32Array;
  depth: number;
  bestSet: Int32Array;
  bestDepth: number;
  done: boolean;
}

/**
 * Finds a subset of `ids` whose total weight is as large as possible but ≤ `cap`,
 * stopping early once the total reaches `goal`.
 *
 * `ids` must be sorted by non-increasing weight: the search then tries the greedy
 * completion first, prunes with suffix sums, and skips equal weights at one level
 * (two items of equal weight are interchangeable).
 *
 * @param w weight of each id
 * @param nodeLimit maximum search nodes before returning the best so far
 * @example maxSubsetSum([0, 1, 2], [5, 4, 3], 7, 7, 1000).sum // 7 (4 + 3)
 */
export function maxSubsetSum(
  ids: readonly number[],
  w: ArrayLike<number>,
  cap: number,
  goal: number,
  nodeLimit: number,
): SubsetSumResult {
  const n = ids.length;
  const ws = new Float64Array(n);
  for (let i = 0; i < n; i++) ws[i] = w[ids[i]!]!;
  const suffix = new Float64Array(n + 1);
  for (let i = n - 1; i >= 0; i--) suffix[i] = suffix[i + 1]! + ws[i]!;
  // Whole list fits: nothing to search.
  if (suffix[0]! <= cap) return { sum: suffix[0]!, picked: ids.slice(), complete: true, nodes: 1 };
  const st: SubsetSearch = {
    ws,
    suffix,
    n,
    cap,
    target: Math.min(goal, cap),
    nodeLimit,
    nodes: 0,
    best: 0,
    stack: new Int32Array(n),
    depth: 0,
    bestSet: new Int32Array(n),
    bestDepth: 0,
    done: false,
  };
  dfs(st, 0, 0);
  const picked: number[] = [];
  for (let d = 0; d < st.bestDepth; d++) picked.push(ids[st.bestSet[d]!]!);
  return { sum: st.best, picked, complete: st.nodes <= nodeLimit, nodes: st.nodes };
}

function dfs(st: SubsetSearch, from: number, load: number): void {
  const { ws, suffix, n } = st;
  const room = st.cap - load;
  // Items are sorted descending: the ones that fit form a suffix; find its start.
  let lo = from;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ws[mid]! > room) lo = mid + 1;
    else hi = mid;
  }
  for (let j = lo; j < n; j++) {
    if (st.done) return;
    if (load + suffix[j]! <= st.best) return; // the rest cannot beat the best
    if (j > lo && ws[j] === ws[j - 1]) continue; // same weight as a sibling already tried
    if (++st.nodes > st.nodeLimit) {
      st.done = true;
      return;
    }
    const nl = load + ws[j]!;
    st.stack[st.depth++] = j;
    if (nl > st.best) {
      st.best = nl;
      st.bestSet.set(st.stack.subarray(0, st.depth));
      st.bestDepth = st.depth;
      if (nl >= st.target) {
        st.done = true;
        return;
      }
    }
    dfs(st, j + 1, nl);
    st.depth--;
  }
}
