import type { AircraftType } from "#domain/aircraft-type.ts";
import { compatible, firstConflict, formatHazard } from "#domain/hazard-compatibility.ts";
import { armOfPercentMac, envelopeAt, type LoadModel, PALLET_463L_UNIT, type PalletPosition, type SeatZone, unitTypesOf } from "#domain/load-model.ts";
import { allowableLoad } from "#domain/payload-range.ts";
import { PASSENGER_KG } from "#domain/standard-weights.ts";
import { km } from "#domain/units.ts";
import type { AircraftLoad, FloorAssignment, LoadFailure, Placement, PositionAssignment } from "./aircraft-load.ts";
import { assessLoad, emptyFailure } from "./assess.ts";
import { balanceAt, type PassengerCheckpoint, passengerCheckpoints } from "./balance.ts";
import { floorFits, orientations, positionsCovered } from "./floor.ts";
import type { LoadUnit } from "./load-unit.ts";
import { limitExcess, positionConfiguration } from "./position-rules.ts";

export interface LoadRequest {
  readonly type: AircraftType;
  readonly units: readonly LoadUnit[];
  /** Seats to provide: the load is balanced with any number of passengers from none to this. */
  readonly passengers: number;
  /** Leg distance, km: sets the allowable load. */
  readonly legDistance: number;
}

type FloorStrategy = "compact" | "balance" | "forward" | "aft";

/**
 * Plans one aircraft load: pallets to positions (within each position's weight and height), floor
 * pieces to floor zones where their dimensions, width beside other pieces and linear load allow,
 * passengers to seats (centreline seats cost the positions they stand on), hazardous classes
 * segregated, and heavy pallets placed so the centre of balance lies inside the envelope — heaviest
 * first nearest the target, then improved by moves and swaps. The result is checked by
 * `assessLoad`; when no balanced assignment is found it is `ok: false` with the reason (and, for
 * balance, the best placement found).
 * @example planAircraftLoad({ type: c17, units, passengers: 20, legDistance: 4200 }).cgPercentMac
 */
export function planAircraftLoad(req: LoadRequest): AircraftLoad {
  const { type, units, passengers } = req;
  const none: Placement = { positions: [], floor: [], seatSequence: [] };
  const totalKg = units.reduce((n, u) => n + u.weightKg, 0) + passengers * PASSENGER_KG;
  const model = type.loadModel;
  const allowable = allowableLoad(type, km(req.legDistance));
  const fail = (code: LoadFailure, reason: string) => emptyFailure(code, reason, none, totalKg, allowable ?? 0);
  if (!model) return fail("model", `${type.id} has no load model`);
  if (allowable === undefined) return fail("range", `a ${type.id} cannot fly ${Math.round(req.legDistance)} km`);
  if (totalKg > allowable + 1e-6) return fail("payload", `load ${kgText(totalKg)} above the allowable ${kgText(allowable)} for ${Math.round(req.legDistance)} km`);

  const clash = hazardClash(units);
  if (clash) return fail("hazard", clash);
  for (const u of units) {
    const c = firstConflict(u.hazards, "pallet");
    if (c) return fail("hazard", `${u.ref} holds ${formatHazard(c[0])} and ${formatHazard(c[1])}, which may not share a pallet`);
  }

  const posUnits = units.filter((u) => u.onPosition);
  const floorUnits = units.filter((u) => !u.onPosition);
  for (const u of posUnits)
    if (!model.positions.some((p) => fits(u, p)))
      return fail("fit", `${u.ref} (${kgText(u.weightKg)}, ${Math.round(u.heightCm)} cm high) fits no position of a ${type.id}`);
  for (const u of floorUnits)
    if (!fitsSomewhere(model, u))
      return fail("fit", `${u.ref} (${Math.round(u.lengthCm)} × ${Math.round(u.widthCm)} × ${Math.round(u.heightCm)} cm, ${kgText(u.weightKg)}) fits no floor of a ${type.id}`);
  if (posUnits.length > model.positions.length) return fail("positions", `${posUnits.length} pallets for ${model.positions.length} positions`);

  const sidewall = model.seatZones.filter((z) => z.positions.length === 0);
  const centre = model.seatZones.filter((z) => z.positions.length > 0);
  const need = Math.max(0, passengers - sidewall.reduce((n, z) => n + z.seats, 0));
  if (need > centre.reduce((n, z) => n + z.seats, 0))
    return fail("seats", `${passengers} passengers; a ${type.id} seats ${model.seatZones.reduce((n, z) => n + z.seats, 0)}`);

  const cargoKg = units.reduce((n, u) => n + u.weightKg, 0);
  // Overlapping positions are never both loaded: plan on one configuration of them.
  const configuration = positionConfiguration(model);
  const target = armOfPercentMac(model, midEnvelope(model, model.operating.weight + totalKg));
  let best: AircraftLoad | undefined;
  let lastReason: { code: LoadFailure; reason: string } = { code: "positions", reason: "no room for the load" };
  for (const reserved of seatReservations(centre, need, target)) {
    const sequence = [...sidewall, ...reserved].map((z) => z.id);
    const reservedPositions = new Set(reserved.flatMap((z) => z.positions));
    if (model.positions.length - reservedPositions.size < posUnits.length) {
      lastReason = { code: "seats", reason: `${passengers} passengers need the positions of ${reserved.map((z) => z.id).join(", ")}, leaving too few for ${posUnits.length} pallets` };
      continue;
    }
    const checkpoints = passengerCheckpoints(model, sequence, passengers);
    const tried = new Set<string>();
    const floors = floorUnits.length > 0 ? floorCandidates(model, floorUnits, posUnits.length, reservedPositions, { checkpoints, cargoKg, target }) : [[]];
    for (const floor of floors) {
      const seatNote = reserved.length > 0 ? ` once ${passengers} passengers take the positions of ${reserved.map((z) => z.id).join(", ")}` : "";
      const code: LoadFailure = reserved.length > 0 ? "seats" : "positions";
      if (!floor) {
        lastReason = { code, reason: `no room on the floor for ${floorUnits.map((u) => u.ref).join(", ")} beside ${posUnits.length} pallets${seatNote}` };
        continue;
      }
      const signature = floor.map((f) => `${f.unit.key}@${f.fromCm.toFixed(1)}`).join("|");
      if (tried.has(signature)) continue;
      tried.add(signature);
      const blocked = new Set(floor.flatMap((f) => positionsCovered(model, { from: f.fromCm, to: f.toCm })));
      const free = model.positions.filter((p) => configuration.has(p.id) && !reservedPositions.has(p.id) && !blocked.has(p.id));
      const floorMoment = floor.reduce((n, f) => n + f.unit.weightKg * ((f.fromCm + f.toCm) / 2), 0);
      const assignment = assignPallets(posUnits, free, { model, checkpoints, cargoKg, baseMoment: floorMoment, target });
      if (!assignment) {
        lastReason = { code, reason: `${posUnits.length} pallets fit no ${free.length} free positions${seatNote}` };
        continue;
      }
      const load = assessLoad({ type, placement: { positions: assignment, floor, seatSequence: sequence }, passengers, legDistance: req.legDistance });
      if (load.ok) return load;
      if (!best || marginOf(load) > marginOf(best)) best = load;
    }
  }
  return best ?? fail(lastReason.code, lastReason.reason);
}

/** The first two units whose hazards may not share an aircraft, as a sentence. */
function hazardClash(units: readonly LoadUnit[]): string | undefined {
  const tagged = units.flatMap((u) => u.hazards.map((h) => ({ u, h })));
  for (let i = 0; i < tagged.length; i++)
    for (let j = i + 1; j < tagged.length; j++) {
      const a = tagged[i];
      const b = tagged[j];
      if (a && b && a.u !== b.u && !compatible(a.h, b.h, "aircraft"))
        return `${a.u.ref} (${formatHazard(a.h)}) and ${b.u.ref} (${formatHazard(b.h)}) may not travel on one aircraft`;
    }
  return undefined;
}

const marginOf = (l: AircraftLoad) => Math.min(l.margins.cgLow, l.margins.cgHigh);

const kgText = (n: number) => `${Math.round(n).toLocaleString("en-US")} kg`;

/** Whether a unit may stand on a position: a 463L position, within its weight and height. */
export function fits(u: LoadUnit, p: PalletPosition): boolean {
  return u.weightKg <= p.maxWeight + 1e-6 && u.heightCm <= p.maxHeight + 0.01 && unitTypesOf(p).includes(PALLET_463L_UNIT);
}

function midEnvelope(model: LoadModel, grossKg: number): number {
  const e = envelopeAt(model, grossKg);
  return (e.forward + e.aft) / 2;
}

/** Whether a floor piece fits anywhere on an empty floor. */
function fitsSomewhere(model: LoadModel, u: LoadUnit): boolean {
  for (const o of orientations(u)) for (const s of starts(model, o.along, [])) if (floorFits(model, u, s, s + o.along, o.across, [])) return true;
  return false;
}

const fixedStarts = new WeakMap<LoadModel, Map<number, number[]>>();

/** Candidate forward ends for a piece of this length: zone ends, beside or after placed pieces, position boundaries. */
function starts(model: LoadModel, along: number, placed: readonly FloorAssignment[], target?: number): number[] {
  let byLength = fixedStarts.get(model);
  if (!byLength) {
    byLength = new Map();
    fixedStarts.set(model, byLength);
  }
  let fixed = byLength.get(along);
  if (!fixed) {
    const half = model.positionLength / 2;
    const set = new Set<number>();
    for (const z of model.floorZones) {
      set.add(z.from);
      set.add(z.to - along);
    }
    for (const p of model.positions) {
      set.add(p.station - half);
      set.add(p.station + half - along);
    }
    fixed = [...set].map((x) => Math.round(x * 100) / 100);
    byLength.set(along, fixed);
  }
  if (placed.length === 0 && target === undefined) return fixed;
  // Repeats are harmless (the same place is judged the same): cheaper than removing them.
  const out = fixed.slice();
  for (const p of placed) out.push(p.fromCm, p.toCm, Math.round((p.fromCm - along) * 100) / 100, Math.round((p.toCm - along) * 100) / 100);
  if (target !== undefined) out.push(Math.round((target - along / 2) * 100) / 100);
  return out;
}

/** Reservations tried at most per load: the nearest to the target first. */
const MAX_RESERVATIONS = 12;

/**
 * The ways to seat passengers beyond the sidewall: sets of the fewest centreline zones with enough
 * seats, those whose seats lie nearest the target arm first (they disturb the balance least). Each
 * set is also offered in the order that fills the zones nearest the target first.
 */
function seatReservations(centre: readonly SeatZone[], need: number, target: number): SeatZone[][] {
  if (need <= 0) return [[]];
  const arm = (r: readonly SeatZone[]) => r.reduce((n, z) => n + z.arm * z.seats, 0) / r.reduce((n, z) => n + z.seats, 0);
  for (let k = 1; k <= centre.length; k++) {
    const sets: SeatZone[][] = [];
    const pick = (from: number, chosen: SeatZone[]) => {
      if (sets.length > 4 * MAX_RESERVATIONS) return;
      if (chosen.length === k) {
        if (chosen.reduce((n, z) => n + z.seats, 0) >= need) sets.push(chosen);
        return;
      }
      for (let i = from; i < centre.length; i++) {
        const z = centre[i];
        if (z) pick(i + 1, [...chosen, z]);
      }
    };
    pick(0, []);
    if (sets.length === 0) continue;
    const ordered = sets.sort((a, b) => Math.abs(arm(a) - target) - Math.abs(arm(b) - target)).slice(0, MAX_RESERVATIONS);
    const out: SeatZone[][] = [];
    for (const set of ordered) {
      out.push(set);
      const nearFirst = [...set].sort((a, b) => Math.abs(a.arm - target) - Math.abs(b.arm - target));
      if (nearFirst.some((z, i) => z !== set[i])) out.push(nearFirst);
    }
    return out;
  }
  return [];
}

interface FloorContext {
  readonly checkpoints: readonly PassengerCheckpoint[];
  readonly cargoKg: number;
  readonly target: number;
}

/**
 * Floor placements to try, best guesses first: fewest positions covered, then nearest balance;
 * then the pieces packed forward (or aft) and slid together along the floor towards balance.
 * Yields `undefined` when a strategy finds no room (for the reason).
 */
function* floorCandidates(
  model: LoadModel,
  pieces: readonly LoadUnit[],
  pallets: number,
  reserved: ReadonlySet<string>,
  ctx: FloorContext,
): Generator<FloorAssignment[] | undefined> {
  yield placeFloor(model, pieces, pallets, reserved, "compact", ctx);
  yield placeFloor(model, pieces, pallets, reserved, "balance", ctx);
  for (const base of ["forward", "aft"] as const) {
    const packed = placeFloor(model, pieces, pallets, reserved, base, ctx);
    if (!packed) {
      yield undefined;
      continue;
    }
    yield* slides(model, packed, pallets, reserved, ctx);
  }
}

/** Slides tried per packed arrangement. */
const MAX_SLIDES = 4;

/**
 * The packed pieces shifted together by the offsets nearest the one that would balance them (with
 * the rest of the cargo at the target arm): offsets that line a piece's end up with a zone end or
 * a position boundary, and that one.
 */
function slides(model: LoadModel, packed: readonly FloorAssignment[], pallets: number, reserved: ReadonlySet<string>, ctx: FloorContext): FloorAssignment[][] {
  const pax = ctx.checkpoints[ctx.checkpoints.length - 1] ?? { kg: 0, moment: 0 };
  const gross = model.operating.weight + ctx.cargoKg + pax.kg;
  const floorKg = packed.reduce((n, f) => n + f.unit.weightKg, 0);
  const floorMoment = packed.reduce((n, f) => n + f.unit.weightKg * ((f.fromCm + f.toCm) / 2), 0);
  const known = model.operating.weight * model.operating.arm + pax.moment + (ctx.cargoKg - floorKg) * ctx.target;
  const ideal = (ctx.target * gross - known - floorMoment) / floorKg;
  const half = model.positionLength / 2;
  const anchors = [...model.floorZones.flatMap((z) => [z.from, z.to]), ...model.positions.flatMap((p) => [p.station - half, p.station + half])];
  const offsets = new Set<number>([0, Math.round(ideal * 100) / 100]);
  for (const f of packed) for (const a of anchors) for (const end of [f.fromCm, f.toCm]) offsets.add(Math.round((a - end) * 100) / 100);
  const out: FloorAssignment[][] = [];
  for (const d of [...offsets].sort((a, b) => Math.abs(a - ideal) - Math.abs(b - ideal) || a - b)) {
    if (out.length >= MAX_SLIDES) break;
    const moved = packed.map((f) => ({ unit: f.unit, fromCm: Math.round((f.fromCm + d) * 100) / 100, toCm: Math.round((f.toCm + d) * 100) / 100 }));
    const fitsAll = moved.every((f, i) => {
      const across = Math.abs(f.toCm - f.fromCm - f.unit.lengthCm) <= Math.abs(f.toCm - f.fromCm - f.unit.widthCm) ? f.unit.widthCm : f.unit.lengthCm;
      return floorFits(model, f.unit, f.fromCm, f.toCm, across, moved.slice(0, i));
    });
    if (!fitsAll) continue;
    const covered = new Set(moved.flatMap((f) => positionsCovered(model, { from: f.fromCm, to: f.toCm })));
    if ([...covered].some((id) => reserved.has(id))) continue;
    if (model.positions.length - covered.size - reserved.size < pallets) continue;
    out.push(moved);
  }
  return out;
}

/** Places the floor pieces one by one (longest first) by a strategy; `undefined` if one finds no room. */
function placeFloor(
  model: LoadModel,
  pieces: readonly LoadUnit[],
  pallets: number,
  reserved: ReadonlySet<string>,
  strategy: FloorStrategy,
  ctx: FloorContext,
): FloorAssignment[] | undefined {
  const order = [...pieces].sort((a, b) => Math.max(b.lengthCm, b.widthCm) - Math.max(a.lengthCm, a.widthCm) || b.weightKg - a.weightKg || a.key.localeCompare(b.key));
  const placed: FloorAssignment[] = [];
  const blocked = new Set<string>();
  const pax = ctx.checkpoints[ctx.checkpoints.length - 1] ?? { kg: 0, moment: 0 };
  const gross = model.operating.weight + ctx.cargoKg + pax.kg;
  let knownKg = 0;
  let knownMoment = model.operating.weight * model.operating.arm + pax.moment;
  for (const u of order) {
    let best: { from: number; along: number; covers: string[]; k1: number; k2: number; k3: number } | undefined;
    const taken = blocked.size + [...reserved].filter((id) => !blocked.has(id)).length;
    for (const o of orientations(u)) {
      for (const s of starts(model, o.along, placed, ctx.target)) {
        if (!floorFits(model, u, s, s + o.along, o.across, placed)) continue;
        const covers = positionsCovered(model, { from: s, to: s + o.along });
        let newly = 0;
        let clash = false;
        for (const id of covers) {
          if (reserved.has(id)) clash = true;
          else if (!blocked.has(id)) newly++;
        }
        if (clash || model.positions.length - taken - newly < pallets) continue;
        const arm = s + o.along / 2;
        // The rest of the cargo assumed at the target arm: how far this piece pulls the balance off it.
        const estimate = (knownMoment + u.weightKg * arm + (ctx.cargoKg - knownKg - u.weightKg) * ctx.target) / gross;
        const off = Math.abs(estimate - ctx.target);
        const k1 = strategy === "compact" ? newly : strategy === "balance" ? off : strategy === "forward" ? s : -(s + o.along);
        const k2 = strategy === "compact" ? off : strategy === "balance" ? newly : newly;
        const k3 = strategy === "compact" || strategy === "balance" ? s : 0;
        if (!best || lexLess(k1, k2, k3, best.k1, best.k2, best.k3)) best = { from: s, along: o.along, covers, k1, k2, k3 };
      }
    }
    if (!best) return undefined;
    placed.push({ unit: u, fromCm: best.from, toCm: best.from + best.along });
    for (const id of best.covers) blocked.add(id);
    knownKg += u.weightKg;
    knownMoment += u.weightKg * (best.from + best.along / 2);
  }
  return placed;
}

function lexLess(a1: number, a2: number, a3: number, b1: number, b2: number, b3: number): boolean {
  if (Math.abs(a1 - b1) > 1e-9) return a1 < b1;
  if (Math.abs(a2 - b2) > 1e-9) return a2 < b2;
  return a3 < b3 - 1e-9;
}

interface PalletContext {
  readonly model: LoadModel;
  readonly checkpoints: readonly PassengerCheckpoint[];
  readonly cargoKg: number;
  /** Moment of the cargo already placed (the floor pieces), kg·cm. */
  readonly baseMoment: number;
  readonly target: number;
}

/**
 * Pallets to free positions: heaviest first to the fitting position nearest the target arm (or
 * any complete assignment, by matching, when that greedy start leaves one out), then the best move
 * or swap while it widens the margin to the envelope.
 */
function assignPallets(units: readonly LoadUnit[], free: readonly PalletPosition[], ctx: PalletContext): PositionAssignment[] | undefined {
  if (units.length === 0) return [];
  const n = units.length;
  const m = free.length;
  const ok = units.map((u) => free.map((p) => fits(u, p)));
  const matched = matching(ok, n, m);
  if (!matched) return undefined;
  const starts: number[][] = [];
  const greedy = nearestTarget(units, free, ok, ctx.target);
  if (greedy) starts.push(greedy);
  starts.push(matched);
  let best: { at: number[]; margin: number } | undefined;
  for (const start of starts) {
    const result = improve(units, free, ok, start, ctx);
    if (!best || result.margin > best.margin) best = result;
    if (best.margin >= 0) break;
  }
  const at = best?.at ?? matched;
  return units.map((u, i) => ({ position: free[at[i] ?? 0]?.id ?? "", unit: u }));
}

function nearestTarget(units: readonly LoadUnit[], free: readonly PalletPosition[], ok: boolean[][], target: number): number[] | undefined {
  const order = units.map((_, i) => i).sort((a, b) => (units[b]?.weightKg ?? 0) - (units[a]?.weightKg ?? 0) || a - b);
  const used = new Set<number>();
  const at: number[] = new Array<number>(units.length).fill(-1);
  for (const i of order) {
    let pick = -1;
    for (let q = 0; q < free.length; q++) {
      if (used.has(q) || !ok[i]?.[q]) continue;
      const d = Math.abs((free[q]?.station ?? 0) - target);
      if (pick < 0 || d < Math.abs((free[pick]?.station ?? 0) - target) - 1e-9) pick = q;
    }
    if (pick < 0) return undefined;
    used.add(pick);
    at[i] = pick;
  }
  return at;
}

/** A complete assignment of units to positions (Kuhn's augmenting paths), or `undefined`. */
function matching(ok: boolean[][], n: number, m: number): number[] | undefined {
  const owner: number[] = new Array<number>(m).fill(-1);
  const tryUnit = (i: number, seen: boolean[]): boolean => {
    for (let q = 0; q < m; q++) {
      if (!ok[i]?.[q] || seen[q]) continue;
      seen[q] = true;
      const o = owner[q] ?? -1;
      if (o < 0 || tryUnit(o, seen)) {
        owner[q] = i;
        return true;
      }
    }
    return false;
  };
  for (let i = 0; i < n; i++) if (!tryUnit(i, new Array<boolean>(m).fill(false))) return undefined;
  const at: number[] = new Array<number>(n).fill(-1);
  owner.forEach((i, q) => {
    if (i >= 0) at[i] = q;
  });
  return at;
}

/** Best-improvement local search on the balance margin: move a pallet to a free position, or swap two. */
function improve(units: readonly LoadUnit[], free: readonly PalletPosition[], ok: boolean[][], start: readonly number[], ctx: PalletContext): { at: number[]; margin: number } {
  const at = [...start];
  const owner: number[] = new Array<number>(free.length).fill(-1);
  at.forEach((q, i) => {
    owner[q] = i;
  });
  const st = (q: number) => free[q]?.station ?? 0;
  const w = (i: number) => units[i]?.weightKg ?? 0;
  let moment = ctx.baseMoment + at.reduce((s, q, i) => s + w(i) * st(q), 0);
  // Cumulative limits (when the type has any): no move may break one further.
  const limited = ctx.model.weightLimits.length > 0;
  const kgAt = () => new Map(at.map((q, i) => [free[q]?.id ?? "", w(i)] as const));
  const excessAfter = (i: number, q: number, j: number, from: number) => {
    const m = kgAt();
    m.delete(free[from]?.id ?? "");
    m.set(free[q]?.id ?? "", w(i));
    if (j >= 0) m.set(free[from]?.id ?? "", w(j));
    return limitExcess(ctx.model, m);
  };
  let excess = limited ? limitExcess(ctx.model, kgAt()) : 0;
  const margin = (mc: number) => balanceAt(ctx.model, ctx.checkpoints, ctx.cargoKg, mc).margin;
  let current = margin(moment);
  for (let iter = 0; iter < 4 * units.length + 8; iter++) {
    let bestMove: { i: number; q: number; j: number; delta: number } | undefined;
    let bestMargin = current;
    for (let i = 0; i < units.length; i++) {
      const from = at[i] ?? 0;
      for (let q = 0; q < free.length; q++) {
        if (q === from || !ok[i]?.[q]) continue;
        const j = owner[q] ?? -1;
        if (j >= 0 && (j < i || !ok[j]?.[from])) continue;
        const delta = j < 0 ? w(i) * (st(q) - st(from)) : (w(i) - w(j)) * (st(q) - st(from));
        if (delta === 0) continue;
        if (limited && excessAfter(i, q, j, from) > excess + 1e-6) continue;
        const mNew = margin(moment + delta);
        if (mNew > bestMargin + 1e-9) {
          bestMargin = mNew;
          bestMove = { i, q, j, delta };
        }
      }
    }
    if (!bestMove) break;
    const { i, q, j, delta } = bestMove;
    const from = at[i] ?? 0;
    at[i] = q;
    owner[q] = i;
    if (j >= 0) {
      at[j] = from;
      owner[from] = j;
    } else owner[from] = -1;
    moment += delta;
    current = bestMargin;
    if (limited) excess = limitExcess(ctx.model, kgAt());
  }
  return { at, margin: current };
}
