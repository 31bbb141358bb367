/**
 * Exact phase: Korf's bin completion (2002–2003), a branch and bound that builds one bin at
 * a time. Each level takes the largest remaining item and branches over the "undominated
 * completions" of its bin — the sets of other items that could share it — fullest first.
 * Strong when bins hold few items (Falkenauer triplets, uniform sets); when bins hold many
 * small items the completions explode and the budget stops it.
 */
import { l2Bound } from "./bounds.ts";
import type { Budget } from "./budget.ts";
import type { Rng } from "./prng.ts";

/** Inputs of {@link binCompletion}. */
export interface BinCompletionOptions {
  /** Look for a packing into at most this many bins. */
  readonly target: number;
  readonly budget: Budget;
  /** Completions kept per node (fullest first); fewer makes the search incomplete. */
  readonly maxCompletions?: number;
  /** Shuffle completions of equal fill (with restarts this escapes early bad choices). */
  readonly rng?: Rng;
  /** Stop after this many nodes (default unlimited). */
  readonly nodeLimit?: number;
}

/** Outcome of a bin-completion search. */
export type BinCompletionResult =
  /** A packing into ≤ target bins, as lists of indices into the weights. */
  | { readonly status: "found"; readonly bins: number[][] }
  /** The whole tree was searched: no packing into `target` bins exists. */
  | { readonly status: "infeasible" }
  /** The budget or a completion cap stopped the search first. */
  | { readonly status: "unknown" };

/**
 * Searches for a packing of `weights` into at most `target` bins of `capacity`.
 * Weights must be validated (0 < w ≤ capacity).
 *
 * Pruning: total waste may not exceed target·C − Σw; the L2 bound of the remaining items
 * plus the bins built must fit the target; completions must be maximal (no left-out item
 * still fits) and not beaten by swapping one or two chosen items for a single left-out
 * item that fills the bin better (Martello–Toth dominance).
 *
 * @example binCompletion([50, 50, 40, 30, 30], 100, { target: 2, budget }).status // "found"
 */
export function binCompletion(
  weights: readonly number[],
  capacity: number,
  opts: BinCompletionOptions,
): BinCompletionResult {
  const n = weights.length;
  const C = capacity;
  const order = weights.map((_, i) => i).sort((a, b) => weights[b]! - weights[a]! || a - b);
  const w = Float64Array.from(order, (i) => weights[i]!);
  let total = 0;
  for (const x of w) total += x;
  const maxWaste = opts.target * C - total;
  if (maxWaste < -1e-9 * C) return { status: "infeasible" };
  const maxCompletions = opts.maxCompletions ?? 1_000_000;
  const used = new Uint8Array(n);
  const bins: number[][] = [];
  let complete = true;
  let aborted = false;
  let solution: number[][] | null = null;
  const budget = opts.budget;

  let nodes = 0;
  const nodeLimit = opts.nodeLimit ?? Number.POSITIVE_INFINITY;
  const search = (first: number, waste: number): boolean => {
    if (budget.spend(1) || ++nodes > nodeLimit) {
      aborted = true;
      return false;
    }
    while (first < n && used[first]) first++;
    if (first === n) {
      solution = bins.map((b) => b.map((i) => order[i]!));
      return true;
    }
    if (bins.length >= opts.target) return false;
    // Bound the rest: L2 of the remaining items (every level; it is what makes this work).
    const rest: number[] = [];
    for (let i = first; i < n; i++) if (!used[i]) rest.push(w[i]!);
    budget.spend(rest.length);
    if (bins.length + l2Bound(rest, C) > opts.target) return false;

    used[first] = 1;
    const room = C - w[first]!;
    const completions = generate(first, room, maxWaste - waste);
    if (completions.length > maxCompletions) {
      completions.length = maxCompletions;
      complete = false;
    }
    for (const comp of completions) {
      for (const i of comp.items) used[i] = 1;
      bins.push([first, ...comp.items]);
      const found = search(first + 1, waste + (room - comp.sum));
      bins.pop();
      for (const i of comp.items) used[i] = 0;
      if (found) return true;
      if (aborted) break;
    }
    used[first] = 0;
    return false;
  };

  /** Undominated completions of a bin with `room` left, wasting at most `slack`, fullest first. */
  const generate = (first: number, room: number, slack: number): { items: number[]; sum: number }[] => {
    // Groups of equal weight among the remaining items after `first`.
    const gw: number[] = [];
    const gItems: number[][] = [];
    for (let i = first + 1; i < n; i++) {
      if (used[i]) continue;
      if (gw.length > 0 && gw[gw.length - 1] === w[i]) gItems[gItems.length - 1]!.push(i);
      else {
        gw.push(w[i]!);
        gItems.push([i]);
      }
    }
    const G = gw.length;
    const suffix = new Float64Array(G + 1);
    for (let g = G - 1; g >= 0; g--) suffix[g] = suffix[g + 1]! + gw[g]! * gItems[g]!.length;
    const minSum = room - slack;
    const take = new Int32Array(G);
    const out: { items: number[]; sum: number }[] = [];
    let nodes = 0;

    const dfs = (g: number, left: number, sum: number, smallestLeftOut: number): void => {
      if (++nodes > 200_000) {
        complete = false;
        return;
      }
      if (sum + suffix[g]! < minSum - 1e-9) return; // cannot reach the waste limit
      if (g === G) {
        if (smallestLeftOut <= left) return; // not maximal: that item still fits
        if (dominated(left)) return;
        const items: number[] = [];
        for (let k = 0; k < G; k++) for (let c = 0; c < take[k]!; c++) items.push(gItems[k]![c]!);
        out.push({ items, sum });
        return;
      }
      const gwg = gw[g]!;
      const most = Math.min(gItems[g]!.length, Math.floor(left / gwg + 1e-12));
      for (let c = most; c >= 0; c--) {
        if (left - c * gwg < -1e-9) continue;
        take[g] = c;
        dfs(g + 1, left - c * gwg, sum + c * gwg, c < gItems[g]!.length ? gwg : smallestLeftOut);
      }
      take[g] = 0;
    };

    // A chosen item (or pair) that a single left-out item could replace while still fitting
    // is beaten by the swapped bin, so this completion need not be tried.
    const dominated = (left: number): boolean => {
      for (let a = 0; a < G; a++) {
        if (take[a] === 0) continue;
        for (let b = a; b < G; b++) {
          const pairOk = b === a ? take[a]! >= 2 : take[b]! > 0;
          const single = gw[a]!;
          for (let y = 0; y < G; y++) {
            if (take[y]! >= gItems[y]!.length) continue;
            const wy = gw[y]!;
            if (b === a && wy > single && wy <= single + left) return true;
            if (pairOk) {
              const pair = single + gw[b]!;
              if (wy >= pair && wy <= pair + left && !(y === a || y === b)) return true;
            }
          }
        }
      }
      return false;
    };

    dfs(0, room, 0, Number.POSITIVE_INFINITY);
    budget.spend(nodes);
    if (opts.rng) {
      const rng = opts.rng;
      for (let i = out.length - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        const t = out[i]!;
        out[i] = out[j]!;
        out[j] = t;
      }
    }
    // Stable: equal fills keep the shuffled order.
    out.sort((p, q) => q.sum - p.sum);
    return out;
  };

  search(0, 0);
  if (solution) return { status: "found", bins: solution };
  if (!aborted && complete) return { status: "infeasible" };
  return { status: "unknown" };
}
