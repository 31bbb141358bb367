import type { BookedPiece, CargoFlightProblem } from "#domain/cargo-flight.ts";
import { mayShareUnit, separationIndex } from "#domain/handling-separation.ts";
import type { PalletPosition } from "#domain/load-model.ts";
import { type UldType, usableVolume } from "#domain/uld-type.ts";
import type { PalletBox, Placement } from "../pallet/box.ts";
import { orientedDims } from "../pallet/box-type.ts";
import { packPallet } from "../pallet/pack-pallet.ts";
import { PositionSlots } from "../load/position-slots.ts";
import { boxesOf, pieceOfBox } from "./uld-boxes.ts";
import { uldContainer } from "./uld-container.ts";

/** How hard the build-up works: per ULD packed (the packer's own options), and whether blocks count. */
export interface BuildOptions {
  /** Keep the ULD types' blocks empty (default true, as format.md says); false reads them as the reference solutions do. */
  readonly blocks?: boolean;
  /** Greedy constructions per ULD packed (default 40). */
  readonly maxIterations?: number;
  /** A clock and a budget per ULD packed, ms (with a clock, the budget rules, not the iterations). */
  readonly now?: () => number;
  readonly timeLimitMs?: number;
  readonly seed?: number;
  /**
   * Whether a part-full ULD of express cargo may be emptied into one of standard cargo (and the
   * other way) when that saves a ULD (default false: format.md asks to keep them apart; the
   * reference solutions mix them on one ULD in seven).
   */
  readonly mixExpress?: boolean;
  /** Positions not to use (the solver leaves forward ones out to bring the CG aft). */
  readonly avoid?: ReadonlySet<string>;
}

/** One ULD built, with the position held for it while building. */
export interface BuiltUnit {
  readonly id: string;
  readonly type: UldType;
  readonly segment: string;
  readonly express: boolean;
  readonly boxes: readonly PalletBox[];
  readonly placements: readonly Placement[];
  readonly grossKg: number;
  /** Net kg of cargo per handling code aboard (for limits that count a code). */
  readonly netByCode: ReadonlyMap<string, number>;
  readonly heldPosition: string;
}

export interface BuildResult {
  readonly units: readonly BuiltUnit[];
  /** Box ids (`<piece>#<n>`) on no ULD. */
  readonly leftBehind: readonly string[];
}

/** Cargo that may be built together: one segment, express or standard, and no codes that may not share a ULD. */
interface Group {
  readonly segment: string;
  readonly express: boolean;
  readonly codes: Set<string>;
  boxes: PalletBox[];
}

const volumeOf = (boxes: readonly PalletBox[]) => boxes.reduce((v, b) => v + b.length * b.width * b.height, 0);

/**
 * Splits each segment's pieces into groups built apart: express from standard (format.md), and
 * pieces whose handling codes may not share a ULD into different groups (greedy colouring: a
 * piece joins the first group with no code it conflicts with). Largest groups first.
 */
export function buildGroups(problem: CargoFlightProblem): Group[] {
  const index = separationIndex(problem.separation);
  const out: Group[] = [];
  for (const seg of problem.flight.segments) {
    for (const express of [false, true]) {
      const pieces = seg.pieces.filter((p) => (problem.expressCode !== undefined && p.handlingCodes.includes(problem.expressCode)) === express);
      // Coded pieces first: they are the ones that decide the colouring.
      const ordered = [...pieces].sort((a, b) => b.handlingCodes.length - a.handlingCodes.length || b.count * b.length * b.width * b.height - a.count * a.length * a.width * a.height || a.id.localeCompare(b.id));
      const groups: Group[] = [];
      for (const p of ordered) {
        let g = groups.find((x) => mayShareUnit(index, p.handlingCodes, [...x.codes]));
        if (!g) {
          g = { segment: seg.id, express, codes: new Set(), boxes: [] };
          groups.push(g);
        }
        for (const c of p.handlingCodes) g.codes.add(c);
        g.boxes.push(...boxesOf(p));
      }
      out.push(...groups);
    }
  }
  return out.sort((a, b) => volumeOf(b.boxes) - volumeOf(a.boxes));
}

/** Whether a box fits a ULD type's inner box in some allowed orientation (contour aside). */
function fitsType(b: PalletBox, t: UldType, rim: number): boolean {
  return (b.orientations ?? []).some((o) => {
    const [x, y, z] = orientedDims(b, o);
    return x <= t.length - 2 * rim + 1e-9 && y <= t.width - 2 * rim + 1e-9 && z <= t.height + 1e-9;
  });
}

/** Widths across the ULD where pieces are likely to end (single pieces and pairs side by side), most common first. */
function breakpoints(boxes: readonly PalletBox[], most = 16): number[] {
  const counts = new Map<number, number>();
  for (const b of boxes)
    for (const o of b.orientations ?? []) {
      const y = orientedDims(b, o)[1];
      counts.set(y, (counts.get(y) ?? 0) + 1);
    }
  const singles = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 12);
  const weighted = new Map<number, number>(singles);
  for (const [a, na] of singles) for (const [b, nb] of singles) weighted.set(a + b, Math.max(weighted.get(a + b) ?? 0, Math.min(na, nb)));
  return [...weighted].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, most).map(([y]) => y);
}

/**
 * Builds the ULDs of a flight (Drawdown's build-up): group by group, each ULD packed by the
 * three-dimensional pallet builder into the type's contour, up to the weight the positions still
 * free for that type allow, and a position held for it at once, so the ULDs built always fit the
 * aircraft (types, most weights, overlaps, cumulative limits). Pieces that fit only the long
 * pallet go first onto it; then each group fills the type with the most room, and its last ULD is
 * the cheapest type that takes everything left. What finds no ULD or no position stays behind.
 */
export function buildUlds(problem: CargoFlightProblem, opts: BuildOptions = {}): BuildResult {
  const model = problem.aircraft.loadModel;
  const slots = new PositionSlots(opts.avoid && opts.avoid.size > 0 ? { ...model, positions: model.positions.filter((p) => !opts.avoid?.has(p.id)) } : model);
  const types = problem.aircraft.uldTypes.filter((t) => model.positions.some((p) => (p.unitTypes ?? []).includes(t.id)));
  const rimOf = (t: UldType) => (opts.blocks === false ? 0 : Math.max(0, ...t.blocks.filter((b) => b.z0 <= 0).map((b) => Math.min(b.y1 - b.y0, b.x1 - b.x0))));
  const pieceById = new Map<string, BookedPiece>(problem.flight.segments.flatMap((s) => s.pieces.map((p) => [p.id, p] as const)));
  const volume = new Map(types.map((t) => [t.id, usableVolume(t)]));
  const units: BuiltUnit[] = [];
  const leftBehind: string[] = [];
  const counter = new Map<string, number>();

  /** Packs one ULD of type `t` from `boxes` onto the best free position for what it weighs; undefined if nothing goes in. */
  const packOne = (g: Pick<Group, "segment" | "express">, t: UldType, boxes: readonly PalletBox[]): BuiltUnit | undefined => {
    const free = slots.free(t.id);
    if (free.length === 0) return undefined;
    const cap = Math.max(...free.map((p) => slots.cap(p)));
    if (cap <= t.tare) return undefined;
    const container = uldContainer(t, cap, { blocks: opts.blocks !== false, breakpoints: breakpoints(boxes) });
    const r = packPallet(boxes, container, {
      maxIterations: opts.maxIterations ?? 40,
      seed: (opts.seed ?? 1) + units.length,
      ...(opts.now ? { now: opts.now, timeLimitMs: opts.timeLimitMs ?? 200 } : {}),
    });
    if (r.placements.length === 0) return undefined;
    const byId = new Map(boxes.map((b) => [b.id, b]));
    const placed = r.placements.map((p) => byId.get(p.boxId)).filter((b): b is PalletBox => b !== undefined);
    const netByCode = new Map<string, number>();
    for (const b of placed) for (const c of pieceById.get(pieceOfBox(b.id))?.handlingCodes ?? []) netByCode.set(c, (netByCode.get(c) ?? 0) + b.weight);
    const grossKg = t.tare + r.weight;
    const unit = { type: t.id, kg: grossKg, netByCode };
    // The weakest position that holds it: strong ones stay for heavier ULDs.
    const fitting = free.filter((p) => slots.fits(p, unit)).sort((a, b) => slots.cap(a) - slots.cap(b) || a.station - b.station);
    const at: PalletPosition | undefined = fitting[0];
    if (!at) return undefined;
    return { id: "", type: t, segment: g.segment, express: g.express, boxes: placed, placements: r.placements, grossKg, netByCode, heldPosition: at.id };
  };
  const accept = (g: Pick<Group, "segment" | "boxes">, built: BuiltUnit) => {
    const n = (counter.get(`${g.segment}/${built.type.id}`) ?? 0) + 1;
    counter.set(`${g.segment}/${built.type.id}`, n);
    const u = { ...built, id: `${g.segment}/${built.type.id}-${n}` };
    slots.hold(u.heldPosition, { type: u.type.id, kg: u.grossKg, netByCode: u.netByCode });
    units.push(u);
    const placed = new Set(u.boxes.map((b) => b.id));
    g.boxes = g.boxes.filter((b) => !placed.has(b.id));
  };

  // Room for the money: a type's cost over its usable volume; the cheapest room is filled first.
  const rank = (t: UldType) => (t.cost ?? 1) / Math.max(1, volume.get(t.id) ?? 1);
  const byRank = [...types].sort((a, b) => rank(a) - rank(b) || a.id.localeCompare(b.id));
  // Types a box was tried on and did not go into (the contour, or the weight left): not tried again.
  const failed = new Map<string, Set<string>>();
  const fitting = (b: PalletBox) => byRank.filter((t) => fitsType(b, t, rimOf(t)) && !failed.get(b.id)?.has(t.id));

  const groups = buildGroups(problem);
  // Pieces that do not fit the cheapest room (too long for it, say) go first, onto the best type they fit.
  for (const g of groups) {
    for (;;) {
      const special = g.boxes.filter((b) => {
        const f = fitting(b);
        return f.length > 0 && f[0] !== byRank[0] && fitsType(b, f[0] as UldType, rimOf(f[0] as UldType));
      });
      const t = special.length > 0 ? fitting(special[0] as PalletBox)[0] : undefined;
      if (!t) break;
      const forT = special.filter((b) => fitting(b)[0] === t);
      let u = packOne(g, t, g.boxes);
      if (u && !u.boxes.some((b) => forT.includes(b))) u = packOne(g, t, forT);
      if (!u) {
        // Not on that type (its contour, or no position left): the next type they fit, if any.
        for (const b of forT) failed.set(b.id, new Set([...(failed.get(b.id) ?? []), t.id]));
        continue;
      }
      accept(g, u);
    }
  }

  /** ULDs of type `t` the other groups need for cargo that fits no other type with a free position. */
  const onlyDemand = (t: UldType, except: Group) => {
    let n = 0;
    for (const h of groups) {
      if (h === except || h.boxes.length === 0) continue;
      const only = h.boxes.filter((b) => fitsType(b, t, rimOf(t)) && byRank.every((x) => x === t || slots.free(x.id).length === 0 || !fitsType(b, x, rimOf(x))));
      if (only.length > 0) n += Math.ceil(volumeOf(only) / (ONLY_FILL * (volume.get(t.id) ?? 1)));
    }
    return n;
  };

  for (const g of groups) {
    const tried = new Set<string>();
    while (g.boxes.length > 0) {
      const usable = byRank.filter((t) => !tried.has(t.id) && slots.free(t.id).length > 0 && g.boxes.some((b) => fitsType(b, t, rimOf(t))));
      if (usable.length === 0) break;
      const left = volumeOf(g.boxes);
      // The group's last ULD: the cheapest type that takes all that is left, if no dearer than the best room.
      const bestRoom = usable[0] as UldType;
      const tail = usable
        .filter((t) => (t.cost ?? 0) <= (bestRoom.cost ?? 0) && (volume.get(t.id) ?? 0) * 0.95 >= left && g.boxes.every((b) => fitsType(b, t, rimOf(t))))
        .sort((a, b) => (a.cost ?? 0) - (b.cost ?? 0) || (volume.get(a.id) ?? 0) - (volume.get(b.id) ?? 0));
      let done = false;
      for (const t of tail) {
        const u = packOne(g, t, g.boxes);
        if (u && u.boxes.length === g.boxes.length) {
          accept(g, u);
          done = true;
          break;
        }
      }
      if (done) break;
      // Leave the best room to other groups whose cargo fits nowhere else (too tall for the lower
      // deck, say) when it is running out and this group's cargo has somewhere else to go.
      const scarce = slots.free(bestRoom.id).length <= onlyDemand(bestRoom, g);
      const elsewhere = scarce ? usable.slice(1).find((t) => g.boxes.some((b) => fitsType(b, t, rimOf(t)))) : undefined;
      const alternative = elsewhere ? packOne(g, elsewhere, g.boxes.filter((b) => fitsType(b, elsewhere, rimOf(elsewhere)))) : undefined;
      if (alternative) {
        accept(g, alternative);
        continue;
      }
      const pick = bestRoom;
      const u = packOne(g, pick, g.boxes);
      if (!u) {
        tried.add(pick.id);
        continue;
      }
      accept(g, u);
    }
    leftBehind.push(...g.boxes.map((b) => b.id));
    g.boxes = [];
  }
  mergeTails(units, slots, packOne, separationIndex(problem.separation), pieceById, opts.mixExpress === true);
  return { units, leftBehind };
}

/** How full a ULD of cargo that fits only its type is assumed to get, to count the ULDs it needs. */
const ONLY_FILL = 0.7;

/** How full a ULD is: the volume of its pieces over the type's usable volume. */
const fill = (u: BuiltUnit) => volumeOf(u.boxes) / Math.max(1, usableVolume(u.type));

/** Under this fill a ULD is a tail worth emptying into another. */
const TAIL_FILL = 0.6;
/** ULDs tried as hosts for each tail. */
const HOSTS = 4;

/**
 * Empties the least full ULDs into others of the same segment and class whose cargo may share a
 * ULD with theirs: the host is packed again with both loads, and when everything goes in (within
 * a position's weight) the tail's ULD and position are given up. Groups built apart (separation
 * colours) each end in a part-full ULD; this is where most of those go.
 */
function mergeTails(
  units: BuiltUnit[],
  slots: PositionSlots,
  packOne: (g: Pick<Group, "segment" | "express">, t: UldType, boxes: readonly PalletBox[]) => BuiltUnit | undefined,
  index: ReadonlyMap<string, ReadonlySet<string>>,
  pieceById: ReadonlyMap<string, BookedPiece>,
  mixExpress: boolean,
): void {
  const codesOf = (u: BuiltUnit) => [...new Set(u.boxes.flatMap((b) => pieceById.get(pieceOfBox(b.id))?.handlingCodes ?? []))];
  const failed = new Set<string>();
  for (;;) {
    const tails = units.filter((u) => fill(u) < TAIL_FILL && !failed.has(u.id)).sort((a, b) => fill(a) - fill(b));
    const tail = tails[0];
    if (!tail) return;
    const hosts = units
      .filter((v) => v !== tail && v.segment === tail.segment && (mixExpress || v.express === tail.express) && mayShareUnit(index, codesOf(tail), codesOf(v)))
      .sort((a, b) => fill(a) - fill(b))
      .slice(0, HOSTS);
    let merged = false;
    for (const host of hosts) {
      const before = { tail: slots.holding(tail.heldPosition), host: slots.holding(host.heldPosition) };
      slots.release(tail.heldPosition);
      slots.release(host.heldPosition);
      const boxes = [...host.boxes, ...tail.boxes];
      const u = packOne(host, host.type, boxes);
      if (u && u.boxes.length === boxes.length) {
        const next = { ...u, id: host.id };
        slots.hold(next.heldPosition, { type: next.type.id, kg: next.grossKg, netByCode: next.netByCode });
        units.splice(units.indexOf(host), 1, next);
        units.splice(units.indexOf(tail), 1);
        merged = true;
        break;
      }
      if (before.tail) slots.hold(tail.heldPosition, before.tail);
      if (before.host) slots.hold(host.heldPosition, before.host);
    }
    if (!merged) failed.add(tail.id);
  }
}
