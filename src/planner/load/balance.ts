import { envelopeAt, type LoadModel, percentMac } from "#domain/load-model.ts";
import { PASSENGER_KG } from "#domain/standard-weights.ts";

/** Passengers aboard at one checked count: their weight and moment (kg·cm). */
export interface PassengerCheckpoint {
  readonly count: number;
  readonly kg: number;
  readonly moment: number;
}

/**
 * Passengers fill the zones of `sequence` in order. The counts at which balance is checked: none,
 * each full zone, and all of them. Between two of these every passenger sits at one arm, so the
 * centre of balance moves one way and stays between the two checked values; with limits that vary
 * by gross weight, every count is checked instead.
 */
export function passengerCheckpoints(model: LoadModel, sequence: readonly string[], passengers: number): PassengerCheckpoint[] {
  const zones = sequence.map((id) => model.seatZones.find((z) => z.id === id)).filter((z) => z !== undefined);
  const out: PassengerCheckpoint[] = [{ count: 0, kg: 0, moment: 0 }];
  const every = model.envelope.byGrossWeight !== undefined;
  let count = 0;
  let moment = 0;
  for (const z of zones) {
    if (count >= passengers) break;
    const take = Math.min(z.seats, passengers - count);
    if (every) {
      for (let i = 1; i <= take; i++) out.push({ count: count + i, kg: (count + i) * PASSENGER_KG, moment: moment + i * PASSENGER_KG * z.arm });
    }
    count += take;
    moment += take * PASSENGER_KG * z.arm;
    if (!every) out.push({ count, kg: count * PASSENGER_KG, moment });
  }
  return out;
}

/** How passengers of one count sit: seats taken in each zone of the sequence. */
export function seatsTaken(model: LoadModel, sequence: readonly string[], passengers: number): { zone: string; count: number }[] {
  const out: { zone: string; count: number }[] = [];
  let left = passengers;
  for (const id of sequence) {
    const z = model.seatZones.find((s) => s.id === id);
    if (!z || left <= 0) continue;
    const n = Math.min(z.seats, left);
    out.push({ zone: id, count: n });
    left -= n;
  }
  return out;
}

export interface BalanceResult {
  /** Least distance above the forward limit over the checkpoints, %MAC. */
  readonly cgLow: number;
  /** Least distance below the aft limit, %MAC. */
  readonly cgHigh: number;
  /** min(cgLow, cgHigh): negative when some count is outside the envelope. */
  readonly margin: number;
  /** At the last checkpoint (every passenger aboard). */
  readonly cgPercentMac: number;
  readonly grossKg: number;
  readonly envelope: { readonly forward: number; readonly aft: number };
}

/** The balance of the operating weight, a cargo of this weight and moment, and passengers at every checkpoint. */
export function balanceAt(model: LoadModel, checkpoints: readonly PassengerCheckpoint[], cargoKg: number, cargoMoment: number): BalanceResult {
  const opKg = model.operating.weight;
  const opMoment = model.operating.weight * model.operating.arm;
  let cgLow = Number.POSITIVE_INFINITY;
  let cgHigh = Number.POSITIVE_INFINITY;
  let last = { cg: percentMac(model, (opMoment + cargoMoment) / (opKg + cargoKg)), gross: opKg + cargoKg, env: envelopeAt(model, opKg + cargoKg) };
  for (const p of checkpoints) {
    const gross = opKg + cargoKg + p.kg;
    const cg = percentMac(model, (opMoment + cargoMoment + p.moment) / gross);
    const env = envelopeAt(model, gross);
    cgLow = Math.min(cgLow, cg - env.forward);
    cgHigh = Math.min(cgHigh, env.aft - cg);
    last = { cg, gross, env };
  }
  return { cgLow, cgHigh, margin: Math.min(cgLow, cgHigh), cgPercentMac: last.cg, grossKg: last.gross, envelope: last.env };
}
