import { armOfPercentMac, envelopeAt, type LoadModel, limitPositions, overlapsOf, type PalletPosition, unitTypesOf } from "#domain/load-model.ts";
import { mulberry32 } from "../mulberry32.ts";

/** A unit to place: its type, gross weight, net weight per handling code, and the legs it rides. */
export interface AssignUnit {
  readonly id: string;
  readonly type: string;
  readonly kg: number;
  readonly netByCode?: ReadonlyMap<string, number>;
  /** One flag per leg: aboard or not. */
  readonly aboard: readonly boolean[];
}

/** A leg: what besides the units is aboard (operating weight and fuel) and the price of a cm off the target. */
export interface AssignLeg {
  readonly baseKg: number;
  /** Moment of `baseKg`, kg·cm. */
  readonly baseMoment: number;
  readonly costPerCm: number;
}

export interface AssignRequest {
  readonly model: LoadModel;
  readonly units: readonly AssignUnit[];
  readonly legs: readonly AssignLeg[];
  /** The centre of gravity aimed at, cm (the least-fuel one, or the middle of the envelope). */
  readonly targetArm: number;
  /** A complete assignment that keeps every position rule, to start from (unit id → position id). */
  readonly start: ReadonlyMap<string, string>;
  readonly seed?: number;
  /** Perturbation rounds after the first descent (default 30). */
  readonly rounds?: number;
}

export interface LegBalance {
  readonly cgArm: number;
  readonly forwardArm: number;
  readonly aftArm: number;
}

export interface AssignResult {
  /** Unit id → position id. */
  readonly at: ReadonlyMap<string, string>;
  readonly legs: readonly LegBalance[];
  /** Σ legs cost per cm × |CG − target|. */
  readonly cost: number;
  /** Whether every leg's centre of gravity is inside the envelope. */
  readonly balanced: boolean;
}

/** Weight of a cm outside the envelope against a cm off the target. */
const OUTSIDE = 1e6;

/**
 * Units to positions, keeping every position rule (type, most weight, overlaps, cumulative limits)
 * and balancing every leg: the centre of gravity inside the envelope, then as near the target as
 * the cost per cm of each leg makes worth it. Iterated local search over moves (a unit to a free
 * position) and swaps from a valid start: each round takes the best improving move or swap until
 * none is left, then shakes the best found by a few random valid moves. Pure and seeded.
 * @example assignUnits({ model, units, legs, targetArm: 3300, start }).at.get("U1") // "GL"
 */
export function assignUnits(req: AssignRequest): AssignResult {
  const { model, units, legs } = req;
  const pos = new Map(model.positions.map((p) => [p.id, p]));
  const overlaps = overlapsOf(model);
  const limits = model.weightLimits.map((l) => ({ l, ids: new Set(limitPositions(model, l)) }));
  const limitsAt = new Map<string, number[]>();
  limits.forEach((x, i) => {
    for (const id of x.ids) limitsAt.set(id, [...(limitsAt.get(id) ?? []), i]);
  });
  const n = units.length;
  // Every unit is aboard the first leg it rides and no leg after it leaves; the limits are checked
  // with every unit (the heaviest case), the balance leg by leg.
  const kgOnLimit = (i: number, u: AssignUnit) => {
    const code = limits[i]?.l.handlingCode;
    return code === undefined ? u.kg : (u.netByCode?.get(code) ?? 0);
  };
  const grossOf = legs.map((l, k) => l.baseKg + units.reduce((s, u) => s + (u.aboard[k] ? u.kg : 0), 0));
  const env = grossOf.map((g) => {
    const e = envelopeAt(model, g);
    return { forward: armOfPercentMac(model, e.forward), aft: armOfPercentMac(model, e.aft) };
  });

  const at: (PalletPosition | undefined)[] = units.map((u) => pos.get(req.start.get(u.id) ?? ""));
  const owner = new Map<string, number>();
  at.forEach((p, i) => {
    if (p) owner.set(p.id, i);
  });
  const limitKg = limits.map((x, i) => units.reduce((s, u, j) => s + (at[j] && x.ids.has((at[j] as PalletPosition).id) ? kgOnLimit(i, u) : 0), 0));
  const moment = legs.map((l, k) => l.baseMoment + units.reduce((s, u, j) => s + (u.aboard[k] && at[j] ? u.kg * (at[j] as PalletPosition).station : 0), 0));

  const costOf = (m: readonly number[]) => {
    let c = 0;
    for (let k = 0; k < legs.length; k++) {
      const cg = (m[k] as number) / (grossOf[k] as number);
      const e = env[k] as { forward: number; aft: number };
      c += (legs[k] as AssignLeg).costPerCm * Math.abs(cg - req.targetArm) + OUTSIDE * Math.max(0, e.forward - cg, cg - e.aft);
    }
    return c;
  };
  const takes = (p: PalletPosition, u: AssignUnit) => unitTypesOf(p).includes(u.type) && u.kg <= p.maxWeight + 1e-6;
  /** Whether position q is clear for a unit, given that the positions in `leaving` are being vacated. */
  const clear = (q: PalletPosition, leaving: readonly string[]) =>
    [...(overlaps.get(q.id) ?? [])].every((o) => !owner.has(o) || leaving.includes(o));
  /** Limit totals after units `moves` change position (unit index → new position), or undefined if one is broken. */
  const limitsAfter = (moves: readonly [number, PalletPosition][]): number[] | undefined => {
    const next = limitKg.slice();
    for (const [i, q] of moves) {
      const u = units[i] as AssignUnit;
      const p = at[i];
      for (const li of p ? (limitsAt.get(p.id) ?? []) : []) next[li] = (next[li] ?? 0) - kgOnLimit(li, u);
      for (const li of limitsAt.get(q.id) ?? []) next[li] = (next[li] ?? 0) + kgOnLimit(li, u);
    }
    for (const [i, q] of moves)
      for (const li of [...(limitsAt.get(q.id) ?? []), ...(at[i] ? (limitsAt.get((at[i] as PalletPosition).id) ?? []) : [])])
        if ((next[li] ?? 0) > (limits[li]?.l.maxWeight ?? 0) + 1e-6) return undefined;
    return next;
  };
  const momentsAfter = (moves: readonly [number, PalletPosition][]) => {
    const m = moment.slice();
    for (const [i, q] of moves) {
      const u = units[i] as AssignUnit;
      const d = u.kg * (q.station - (at[i]?.station ?? 0));
      for (let k = 0; k < legs.length; k++) if (u.aboard[k]) m[k] = (m[k] ?? 0) + d;
    }
    return m;
  };
  const apply = (moves: readonly [number, PalletPosition][], lim: number[], m: number[]) => {
    for (const [i] of moves) {
      const p = at[i];
      if (p && owner.get(p.id) === i) owner.delete(p.id);
    }
    for (const [i, q] of moves) {
      at[i] = q;
      owner.set(q.id, i);
    }
    lim.forEach((v, k) => {
      limitKg[k] = v;
    });
    m.forEach((v, k) => {
      moment[k] = v;
    });
  };
  /** Every valid move and swap with the cost after it. */
  function* neighbours(): Generator<{ moves: [number, PalletPosition][]; lim: number[]; m: number[]; cost: number }> {
    for (let i = 0; i < n; i++) {
      const u = units[i] as AssignUnit;
      const p = at[i];
      for (const q of model.positions) {
        if (q === p || !takes(q, u)) continue;
        const j = owner.get(q.id);
        if (j === undefined) {
          if (!clear(q, p ? [p.id] : [])) continue;
          const moves: [number, PalletPosition][] = [[i, q]];
          const lim = limitsAfter(moves);
          if (!lim) continue;
          const m = momentsAfter(moves);
          yield { moves, lim, m, cost: costOf(m) };
        } else if (j > i && p) {
          const v = units[j] as AssignUnit;
          if (!takes(p, v)) continue;
          const moves: [number, PalletPosition][] = [
            [i, q],
            [j, p],
          ];
          const lim = limitsAfter(moves);
          if (!lim) continue;
          const m = momentsAfter(moves);
          yield { moves, lim, m, cost: costOf(m) };
        }
      }
    }
  }
  /**
   * Moves into a position that one other unit's position overlaps (a wide position over a narrow
   * one): that unit moves on to a free position at the same time. Tried when no simple move helps.
   */
  function* ejections(): Generator<{ moves: [number, PalletPosition][]; lim: number[]; m: number[]; cost: number }> {
    for (let i = 0; i < n; i++) {
      const u = units[i] as AssignUnit;
      const p = at[i];
      for (const q of model.positions) {
        if (q === p || owner.has(q.id) || !takes(q, u)) continue;
        const blockers = [...(overlaps.get(q.id) ?? [])].filter((o) => owner.has(o) && o !== p?.id);
        if (blockers.length !== 1) continue;
        const b = blockers[0] as string;
        const j = owner.get(b) as number;
        const v = units[j] as AssignUnit;
        for (const r of model.positions) {
          if (r === q || r.id === b || (owner.has(r.id) && r !== p) || !takes(r, v) || overlaps.get(r.id)?.has(q.id)) continue;
          if (!clear(r, [b, ...(p ? [p.id] : [])])) continue;
          const moves: [number, PalletPosition][] = [
            [i, q],
            [j, r],
          ];
          const lim = limitsAfter(moves);
          if (!lim) continue;
          const m = momentsAfter(moves);
          yield { moves, lim, m, cost: costOf(m) };
        }
      }
    }
  }
  const descend = () => {
    let current = costOf(moment);
    for (;;) {
      let best: { moves: [number, PalletPosition][]; lim: number[]; m: number[]; cost: number } | undefined;
      for (const nb of neighbours()) if (nb.cost < (best?.cost ?? current) - 1e-9) best = nb;
      if (!best) for (const nb of ejections()) if (nb.cost < (best?.cost ?? current) - 1e-9) best = nb;
      if (!best) return current;
      apply(best.moves, best.lim, best.m);
      current = best.cost;
    }
  };
  const snapshot = () => at.map((p) => p?.id);
  const restore = (ids: readonly (string | undefined)[]) => {
    owner.clear();
    ids.forEach((id, i) => {
      at[i] = id ? pos.get(id) : undefined;
      if (id) owner.set(id, i);
    });
    limits.forEach((x, li) => {
      limitKg[li] = units.reduce((s, u, j) => s + (at[j] && x.ids.has((at[j] as PalletPosition).id) ? kgOnLimit(li, u) : 0), 0);
    });
    legs.forEach((l, k) => {
      moment[k] = l.baseMoment + units.reduce((s, u, j) => s + (u.aboard[k] && at[j] ? u.kg * (at[j] as PalletPosition).station : 0), 0);
    });
  };

  const random = mulberry32(req.seed ?? 1);
  let bestCost = descend();
  let best = snapshot();
  for (let r = 0; r < (req.rounds ?? 30) && n > 1; r++) {
    restore(best);
    // Shake: a few random valid moves or swaps.
    for (let s = 0; s < 3; s++) {
      const all = [...neighbours()];
      const pick = all[Math.floor(random() * all.length)];
      if (pick) apply(pick.moves, pick.lim, pick.m);
    }
    const c = descend();
    if (c < bestCost - 1e-9) {
      bestCost = c;
      best = snapshot();
    }
  }
  restore(best);
  const balances = legs.map((_, k) => ({ cgArm: (moment[k] as number) / (grossOf[k] as number), forwardArm: env[k]?.forward ?? 0, aftArm: env[k]?.aft ?? 0 }));
  const out = new Map<string, string>();
  units.forEach((u, i) => {
    const p = at[i];
    if (p) out.set(u.id, p.id);
  });
  return {
    at: out,
    legs: balances,
    cost: legs.reduce((s, l, k) => s + l.costPerCm * Math.abs((balances[k]?.cgArm ?? 0) - req.targetArm), 0),
    balanced: balances.every((b) => b.cgArm >= b.forwardArm - 1e-6 && b.cgArm <= b.aftArm + 1e-6),
  };
}
