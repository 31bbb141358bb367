import type { AircraftType } from "#domain/aircraft-type.ts";
import type { FleetEntry } from "#domain/fleet.ts";
import type { Leg, Sortie } from "#domain/plan.ts";
import type { Instant } from "#domain/time.ts";
import { isLoaded, type VerifyContext } from "./context.ts";

/** What a tail id `<fleet id>-<n>` names: its fleet entry (if any) and its number. */
export interface TailRef {
  readonly fleet: FleetEntry | undefined;
  /** The number after the fleet id, or undefined when the id has no `-<digits>` ending of a known fleet. */
  readonly n: number | undefined;
}

/**
 * Splits a tail id against the fleet. Fleet ids may themselves contain `-`, so the fleet is the entry
 * whose id followed by `-` prefixes the tail with only digits after it (at most one can).
 * @example parseTail(fleet, "C17-2") // { fleet: <C17>, n: 2 }
 */
export function parseTail(fleet: ReadonlyMap<string, FleetEntry>, tail: string): TailRef {
  for (const f of fleet.values()) {
    const rest = tail.startsWith(`${f.id}-`) ? tail.slice(f.id.length + 1) : undefined;
    if (rest !== undefined && /^\d+$/.test(rest)) return { fleet: f, n: Number(rest) };
  }
  return { fleet: undefined, n: undefined };
}

/** One leg as flown by a tail, with what the aircraft rules need alongside. */
export interface TailLeg {
  readonly sortie: Sortie;
  readonly legIndex: number;
  readonly leg: Leg;
  readonly departAt: Instant;
  readonly arriveAt: Instant;
  /** Whether the leg carries anything: it then needs onload before and offload after. */
  readonly loaded: boolean;
  /** The sortie's type, or the fleet's when the sortie names an unknown type. */
  readonly type: AircraftType | undefined;
  /** `S3 leg 2 MAIN→HOME`. */
  readonly label: string;
}

/**
 * Every tail's legs across all its sorties, in time order (plan order breaks ties), with the tail's
 * fleet entry when the tail names one.
 */
export function legsByTail(
  ctx: VerifyContext,
): Map<string, { fleet: FleetEntry | undefined; legs: TailLeg[] }> {
  const out = new Map<string, { fleet: FleetEntry | undefined; legs: TailLeg[] }>();
  let order = 0;
  const orderOf = new Map<TailLeg, number>();
  for (const sortie of ctx.plan.sorties) {
    let entry = out.get(sortie.aircraft);
    if (!entry) {
      entry = { fleet: parseTail(ctx.fleet, sortie.aircraft).fleet, legs: [] };
      out.set(sortie.aircraft, entry);
    }
    const type = ctx.types.get(sortie.type) ?? (entry.fleet ? ctx.types.get(entry.fleet.type) : undefined);
    sortie.legs.forEach((leg, legIndex) => {
      const tl: TailLeg = {
        sortie,
        legIndex,
        leg,
        departAt: ctx.at(leg.departAt),
        arriveAt: ctx.at(leg.arriveAt),
        loaded: leg.load !== undefined && isLoaded(leg.load),
        type,
        label: `${sortie.id} leg ${legIndex + 1} ${leg.from}→${leg.to}`,
      };
      orderOf.set(tl, order++);
      entry.legs.push(tl);
    });
  }
  for (const { legs } of out.values())
    legs.sort(
      (a, b) =>
        a.departAt - b.departAt || a.arriveAt - b.arriveAt || (orderOf.get(a) ?? 0) - (orderOf.get(b) ?? 0),
    );
  return out;
}
