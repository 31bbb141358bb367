/**
 * Bounded knapsack: the pricing problem of the column-generation bound. "Which bin
 * content is worth most under the current item prices?"
 */

/** Best bin content found and a guaranteed upper bound on the true optimum. */
export interface KnapsackResult {
  /** Value of `counts`. */
  readonly value: number;
  /** How many items of each type the best content holds. */
  readonly counts: Int32Array;
  /** ≥ the optimum value; equals `value` (up to rounding) when the search was exact. */
  readonly upper: number;
  /** Work spent, for budgeting. */
  readonly work: number;
}

/** Dynamic programs up to this many cells (pieces × capacity) run first: cheaper than a blind search. */
const DP_FIRST_CELLS = 400_000;
/** Largest dynamic program tried when branch and bound gives up. */
const DP_MAX_CELLS = 30_000_000;

/**
 * Maximises Σ v_t·a_t subject to Σ w_t·a_t ≤ cap and 0 ≤ a_t ≤ d_t integer.
 *
 * Integer data with a small table (pieces × capacity ≤ 400 000 cells) go straight to a
 * dynamic program: bin-packing prices are nearly proportional to weights, which makes
 * every value density alike and branch and bound blind. Otherwise branch and bound over
 * types by falling density with Dantzig's fractional bound; if it runs out of nodes, a
 * larger dynamic program finishes the job, or, failing that, the fractional root bound is
 * reported as `upper` (still valid, so callers that need a proof stay correct, only
 * weaker). With `exact` false no dynamic program runs: a quick, possibly suboptimal
 * answer for heuristics.
 *
 * @example maxValueKnapsack([6, 5, 4], [1, 0.8, 0.7], [1, 2, 2], 10, 10_000).value // 1.7 (6 + 4)
 */
export function maxValueKnapsack(
  w: ArrayLike<number>,
  v: ArrayLike<number>,
  d: ArrayLike<number>,
  cap: number,
  nodeLimit: number,
  exact = true,
): KnapsackResult {
  const m = w.length;
  // Only positive values matter; order by value per unit weight.
  const order: number[] = [];
  for (let t = 0; t < m; t++) if (v[t]! > 0 && w[t]! <= cap && d[t]! > 0) order.push(t);
  order.sort((a, b) => v[b]! / w[b]! - v[a]! / w[a]! || w[a]! - w[b]!);
  const k = order.length;
  const tw = new Float64Array(k);
  const tv = new Float64Array(k);
  const td = new Int32Array(k);
  for (let i = 0; i < k; i++) {
    const t = order[i]!;
    tw[i] = w[t]!;
    tv[i] = v[t]!;
    td[i] = d[t]!;
  }
  const dantzig = (from: number, room: number): number => {
    let val = 0;
    for (let i = from; i < k; i++) {
      const all = td[i]! * tw[i]!;
      if (all <= room) {
        room -= all;
        val += td[i]! * tv[i]!;
      } else {
        return val + (room / tw[i]!) * tv[i]!;
      }
    }
    return val;
  };
  const rootUpper = dantzig(0, cap);
  const counts = new Int32Array(m);
  const dpFirst = exact ? integerDp(tw, tv, td, cap, DP_FIRST_CELLS) : null;
  if (dpFirst) {
    for (let i = 0; i < k; i++) counts[order[i]!] = dpFirst.counts[i]!;
    return { value: dpFirst.value, counts, upper: dpFirst.value, work: dpFirst.work };
  }
  const cur = new Int32Array(k);
  const bestCounts = new Int32Array(k);
  let best = 0;
  let nodes = 0;
  let cut = false;
  const eps = 1e-12;

  const dfs = (i: number, room: number, val: number): void => {
    if (cut) return;
    if (++nodes > nodeLimit) {
      cut = true;
      return;
    }
    if (i === k) {
      if (val > best + eps) {
        best = val;
        bestCounts.set(cur);
      }
      return;
    }
    if (val + dantzig(i, room) <= best + eps) return;
    const most = Math.min(td[i]!, Math.floor(room / tw[i]! + 1e-12));
    for (let c = most; c >= 0; c--) {
      const r = room - c * tw[i]!;
      if (r < 0) continue;
      cur[i] = c;
      dfs(i + 1, r, val + c * tv[i]!);
      if (cut) break;
    }
    cur[i] = 0;
  };
  dfs(0, cap, 0);

  if (!cut) {
    for (let i = 0; i < k; i++) counts[order[i]!] = bestCounts[i]!;
    return { value: best, counts, upper: best, work: nodes * (k + 1) };
  }
  const dp = exact ? integerDp(tw, tv, td, cap, DP_MAX_CELLS) : null;
  if (dp) {
    for (let i = 0; i < k; i++) counts[order[i]!] = dp.counts[i]!;
    return { value: dp.value, counts, upper: dp.value, work: nodes * (k + 1) + dp.work };
  }
  for (let i = 0; i < k; i++) counts[order[i]!] = bestCounts[i]!;
  return { value: best, counts, upper: Math.max(best, rootUpper), work: nodes * (k + 1) };
}

/** 0/1 dynamic program over capacity after binary splitting of the counts; null when too big. */
function integerDp(
  tw: Float64Array,
  tv: Float64Array,
  td: Int32Array,
  cap: number,
  maxCells: number,
): { value: number; counts: Int32Array; work: number } | null {
  const C = Math.floor(cap);
  if (!Number.isSafeInteger(C)) return null;
  for (const x of tw) if (!Number.isInteger(x)) return null;
  const pieceType: number[] = [];
  const pieceMult: number[] = [];
  for (let i = 0; i < tw.length; i++) {
    let left = Math.min(td[i]!, Math.floor(C / tw[i]!));
    for (let p = 1; left > 0; p *= 2) {
      const take = Math.min(p, left);
      pieceType.push(i);
      pieceMult.push(take);
      left -= take;
    }
  }
  const P = pieceType.length;
  if (P * (C + 1) > maxCells) return null;
  const val = new Float64Array(C + 1);
  const took = new Uint8Array(P * (C + 1));
  for (let p = 0; p < P; p++) {
    const pw = tw[pieceType[p]!]! * pieceMult[p]!;
    const pv = tv[pieceType[p]!]! * pieceMult[p]!;
    const row = p * (C + 1);
    for (let c = C; c >= pw; c--) {
      const cand = val[c - pw]! + pv;
      if (cand > val[c]!) {
        val[c] = cand;
        took[row + c] = 1;
      }
    }
  }
  const counts = new Int32Array(tw.length);
  let c = C;
  for (let p = P - 1; p >= 0; p--) {
    if (took[p * (C + 1) + c] === 1) {
      counts[pieceType[p]!] = counts[pieceType[p]!]! + pieceMult[p]!;
      c -= tw[pieceType[p]!]! * pieceMult[p]!;
    }
  }
  return { value: val[C]!, counts, work: P * (C + 1) };
}
