import type { AircraftType } from "#domain/aircraft-type.ts";
import { firstConflict, formatHazard } from "#domain/hazard-compatibility.ts";
import { limitPositions, overlapsOf, PALLET_463L_UNIT, unitTypesOf } from "#domain/load-model.ts";
import { allowableLoad } from "#domain/payload-range.ts";
import { PASSENGER_KG } from "#domain/standard-weights.ts";
import { km } from "#domain/units.ts";
import type { AircraftLoad, LoadFailure, Placement } from "./aircraft-load.ts";
import { balanceAt, passengerCheckpoints, seatsTaken } from "./balance.ts";
import { floorProblem, positionsCovered } from "./floor.ts";
import type { LoadUnit } from "./load-unit.ts";

export interface AssessRequest {
  readonly type: AircraftType;
  readonly placement: Placement;
  /** Passengers aboard, seated in the placement's sequence. */
  readonly passengers: number;
  /** Leg distance, km (for the allowable load). */
  readonly legDistance: number;
}

const WEIGHT_EPS = 1e-6;

/**
 * Checks a placement against every limit of the type's load model and reports its balance and
 * margins: each unit placed once; pallets within their position's weight and height; floor pieces
 * on the floor, within its height, width and linear load, and off loaded positions; seat zones free
 * of cargo; no incompatible hazards on board or on one pallet; payload within the allowable load;
 * the centre of balance inside the envelope at every passenger count up to `passengers`.
 */
export function assessLoad(req: AssessRequest): AircraftLoad {
  const { type, placement, passengers } = req;
  const model = type.loadModel;
  const problems: { code: LoadFailure; reason: string }[] = [];
  const add = (code: LoadFailure, reason: string) => problems.push({ code, reason });
  const units: LoadUnit[] = [...placement.positions.map((p) => p.unit), ...placement.floor.map((f) => f.unit)];
  const totalKg = units.reduce((n, u) => n + u.weightKg, 0) + passengers * PASSENGER_KG;
  const allowable = allowableLoad(type, km(req.legDistance));
  if (!model) return emptyFailure("model", `${type.id} has no load model`, placement, totalKg, allowable ?? 0);
  if (allowable === undefined) add("range", `a ${type.id} cannot fly ${Math.round(req.legDistance)} km`);

  const keys = new Set<string>();
  for (const u of units) {
    if (keys.has(u.key)) add("positions", `${u.ref} is placed twice`);
    keys.add(u.key);
  }

  const byId = new Map(model.positions.map((p, i) => [p.id, { p, i }]));
  const held = new Map<string, LoadUnit>();
  for (const a of placement.positions) {
    const pos = byId.get(a.position)?.p;
    if (!pos) {
      add("fit", `${a.unit.ref}: a ${type.id} has no position ${a.position}`);
      continue;
    }
    const other = held.get(a.position);
    if (other) add("positions", `position ${a.position} holds both ${other.ref} and ${a.unit.ref}`);
    held.set(a.position, a.unit);
    if (!a.unit.onPosition) add("fit", `${a.unit.ref} does not sit on a pallet position; it needs floor`);
    if (a.unit.weightKg > pos.maxWeight + WEIGHT_EPS)
      add("fit", `${a.unit.ref} weighs ${kg(a.unit.weightKg)}; position ${pos.id} takes ${kg(pos.maxWeight)}`);
    if (a.unit.heightCm > pos.maxHeight + 0.01)
      add("fit", `${a.unit.ref} is ${cm(a.unit.heightCm)} high; position ${pos.id} takes ${cm(pos.maxHeight)}`);
    if (!unitTypesOf(pos).includes(PALLET_463L_UNIT)) add("fit", `position ${pos.id} takes ${unitTypesOf(pos).join(", ")}, not a 463L pallet`);
  }
  // Positions sharing floor are never both loaded; groups of positions keep their cumulative limits
  // (a limit on a handling code counts nothing here: military cargo carries no such codes).
  const overlaps = overlapsOf(model);
  for (const id of held.keys()) for (const o of overlaps.get(id) ?? []) if (id < o && held.has(o)) add("positions", `positions ${id} and ${o} overlap and are both loaded`);
  for (const l of model.weightLimits) {
    if (l.handlingCode !== undefined) continue;
    const sum = limitPositions(model, l).reduce((n, id) => n + (held.get(id)?.weightKg ?? 0), 0);
    if (sum > l.maxWeight + WEIGHT_EPS) add("positions", `pallets on ${l.id} weigh ${kg(sum)}; its limit is ${kg(l.maxWeight)}`);
  }

  const covered = new Set<string>();
  placement.floor.forEach((f, i) => {
    const problem = floorProblem(model, f, placement.floor.filter((_, j) => j !== i));
    if (problem) add("fit", problem);
    for (const id of positionsCovered(model, { from: f.fromCm, to: f.toCm })) {
      covered.add(id);
      const on = held.get(id);
      if (on) add("positions", `${f.unit.ref} on the floor covers position ${id}, which holds ${on.ref}`);
    }
  });

  const seats = seatsTaken(model, placement.seatSequence, passengers);
  const seatTotal = placement.seatSequence.reduce((n, id) => n + (model.seatZones.find((z) => z.id === id)?.seats ?? 0), 0);
  const seatPositions = new Set<string>();
  for (const id of placement.seatSequence) {
    const zone = model.seatZones.find((z) => z.id === id);
    if (!zone) {
      add("seats", `a ${type.id} has no seat zone ${id}`);
      continue;
    }
    if (!seats.some((s) => s.zone === id)) continue;
    for (const p of zone.positions) {
      seatPositions.add(p);
      if (held.has(p) || covered.has(p)) add("seats", `seat zone ${id} seats passengers on position ${p}, which carries cargo`);
    }
  }
  if (passengers > seatTotal) add("seats", `${passengers} passengers, ${seatTotal} seats in the boarding sequence`);

  const conflict = firstConflict(units.flatMap((u) => u.hazards), "aircraft");
  if (conflict) add("hazard", `${formatHazard(conflict[0])} and ${formatHazard(conflict[1])} may not travel on one aircraft`);
  for (const u of units) {
    const c = firstConflict(u.hazards, "pallet");
    if (c) add("hazard", `${u.ref} holds ${formatHazard(c[0])} and ${formatHazard(c[1])}, which may not share a pallet`);
  }

  const allowableKg = allowable ?? 0;
  if (allowable !== undefined && totalKg > allowable + WEIGHT_EPS) add("payload", `load ${kg(totalKg)} above the allowable ${kg(allowable)}`);

  let cargoKg = 0;
  let cargoMoment = 0;
  for (const a of placement.positions) {
    const pos = byId.get(a.position)?.p;
    if (!pos) continue;
    cargoKg += a.unit.weightKg;
    cargoMoment += a.unit.weightKg * pos.station;
  }
  for (const f of placement.floor) {
    cargoKg += f.unit.weightKg;
    cargoMoment += f.unit.weightKg * ((f.fromCm + f.toCm) / 2);
  }
  const balance = balanceAt(model, passengerCheckpoints(model, placement.seatSequence, passengers), cargoKg, cargoMoment);
  if (balance.margin < -1e-9) {
    const side = balance.cgLow < balance.cgHigh ? `forward of ${balance.envelope.forward}` : `aft of ${balance.envelope.aft}`;
    add("balance", `centre of balance ${balance.cgPercentMac.toFixed(1)} %MAC with ${passengers} passengers; ${Math.abs(balance.margin).toFixed(1)} %MAC ${side} at worst`);
  }

  const order = (id: string) => byId.get(id)?.i ?? Number.MAX_SAFE_INTEGER;
  const positions = [...placement.positions]
    .sort((a, b) => order(a.position) - order(b.position))
    .map((a) => (a.unit.kind === "pallet" ? { position: a.position, pallet: a.unit.ref, unit: a.unit } : { position: a.position, item: a.unit.ref, unit: a.unit }));
  const floor = [...placement.floor].sort((a, b) => a.fromCm - b.fromCm).map((f) => ({ item: f.unit.ref, from: f.fromCm, to: f.toCm, unit: f.unit }));
  const taken = new Set([...held.keys(), ...covered, ...seatPositions]);
  const first = problems[0];
  return {
    ok: first === undefined,
    ...(first ? { code: first.code, reason: problems.map((p) => p.reason).slice(0, 3).join("; ") } : {}),
    positions,
    floor,
    seats: { available: seatTotal, used: passengers, zones: seats },
    placement,
    totalKg,
    grossKg: balance.grossKg,
    allowableKg,
    cgPercentMac: balance.cgPercentMac,
    envelope: balance.envelope,
    margins: {
      payloadKg: allowableKg - totalKg,
      cgLow: balance.cgLow,
      cgHigh: balance.cgHigh,
      positions: model.positions.length - model.positions.filter((p) => taken.has(p.id)).length,
      seats: seatTotal - passengers,
    },
  };
}

/** A failed load with nothing placed. */
export function emptyFailure(code: LoadFailure, reason: string, placement: Placement, totalKg: number, allowableKg: number): AircraftLoad {
  return {
    ok: false,
    code,
    reason,
    positions: [],
    floor: [],
    seats: { available: 0, used: 0, zones: [] },
    placement,
    totalKg,
    grossKg: Number.NaN,
    allowableKg,
    cgPercentMac: Number.NaN,
    envelope: { forward: Number.NaN, aft: Number.NaN },
    margins: { payloadKg: allowableKg - totalKg, cgLow: Number.NaN, cgHigh: Number.NaN, positions: 0, seats: 0 },
  };
}

const kg = (n: number) => `${Math.round(n).toLocaleString("en-US")} kg`;
const cm = (n: number) => `${Math.round(n)} cm`;
