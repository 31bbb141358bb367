import { type Freighter, freighterSchema } from "#domain/cargo-flight.ts";
import type { z } from "zod";
import { type AclppAircraft, type AclppUldType, POSITION_ATTRIBUTES, type PositionAttributes, type PositionNode } from "./aclpp-schema.ts";

const SOURCE = "ACLPP instances (Brandt, KIT 2017), masterdata, CC BY 4.0";

/** A leaf of a compartment's tree with everything it inherits, its compartment and deck. */
export interface AclppPosition extends PositionAttributes {
  readonly id: string;
  readonly compartment: string;
  readonly compartmentDeck: "MD" | "LD";
}

const isNode = (v: unknown): v is PositionNode => v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * The real loading positions of an aircraft: the leaves of each compartment's tree, each with the
 * attributes of its ancestors unless it overrides them (format.md, "Loading positions"). The
 * attributes were checked by the reader; `is_virtual` is not inherited (a leaf is always real).
 */
export function flattenPositions(a: AclppAircraft): AclppPosition[] {
  const out: AclppPosition[] = [];
  const walk = (name: string, node: PositionNode, inherited: PositionAttributes, compartment: string, deck: "MD" | "LD") => {
    const own: Record<string, unknown> = {};
    const children: [string, PositionNode][] = [];
    for (const [k, v] of Object.entries(node)) {
      if (POSITION_ATTRIBUTES.has(k)) own[k] = v;
      else if (isNode(v)) children.push([k, v]);
    }
    const attrs = { ...inherited, ...(own as PositionAttributes) };
    if (children.length === 0) {
      const { is_virtual: _virtual, ...rest } = attrs;
      out.push({ ...rest, id: name, compartment, compartmentDeck: deck });
      return;
    }
    for (const [k, v] of children) walk(k, v, attrs, compartment, deck);
  };
  for (const [name, c] of Object.entries(a.compartments)) walk(name, c.virtual_positions, {}, name, c.deck);
  return out;
}

/** The lateral arm a position states: `lat_arm`, or the left/right arm for ids ending in L or R. */
export function lateralArmOf(p: AclppPosition): number | undefined {
  if (p.lat_arm !== undefined) return p.lat_arm;
  if (p.id.endsWith("L")) return p.left_lat_arm;
  if (p.id.endsWith("R")) return p.right_lat_arm;
  return undefined;
}

/** An ACLPP ULD type in Drawdown's terms. */
export function uldTypeOf(id: string, u: AclppUldType) {
  return {
    id,
    kind: u.is_container ? ("container" as const) : ("pallet" as const),
    length: u.inner_lng_size,
    width: u.inner_lat_size,
    height: u.inner_height,
    tare: u.tare_weight,
    maxGross: u.max_weight,
    blocks: u.uld_blocks.map((b) => ({ x0: b.min_lng, x1: b.max_lng, y0: b.min_lat, y1: b.max_lat, z0: b.min_height, z1: b.max_height })),
    cuts: u.uld_cuts.map((c) => ({ y1: c.lat1, z1: c.height1, y2: c.lat2, z2: c.height2 })),
    buildUpMinutes: u.build_up_time / 60,
    cost: u.build_up_cost,
    source: SOURCE,
  };
}

/** What mapping an aircraft found: the freighter, or the problems, and the ULD type names it dropped. */
export type FreighterMapping =
  | { readonly ok: true; readonly freighter: Freighter; readonly undefinedUldTypes: readonly string[] }
  | { readonly ok: false; readonly issues: readonly { path: string; message: string }[] };

/**
 * Expresses an ACLPP aircraft as Drawdown data: its positions (leaves of the trees) as a load model
 * with stations, most weights, decks, lateral arms and the ULD types each takes; overlapping
 * positions; cumulative weight limits (the `total` one covering every position); the net weight of
 * a handling code (ICE_LD12: dry ice in LD1–LD2); the operating empty weight at its arm; and the CG
 * limits. ACLPP gives those as arms and no MAC, so the chord here runs from the forward to the aft
 * limit (0–100 % is exactly the allowed range, marked as an assumption). Positions name ULD types
 * the master data does not define (`md_pmc`, `ld_ake`, …): they are dropped and listed.
 */
export function freighterOf(id: string, a: AclppAircraft, uldTypes: ReadonlyMap<string, AclppUldType>): FreighterMapping {
  const positions = flattenPositions(a);
  const issues: { path: string; message: string }[] = [];
  const undefinedTypes = new Set<string>();
  const types = [...uldTypes].map(([tid, u]) => uldTypeOf(tid, u));
  const range = a.max_lng_arm - a.min_lng_arm;
  const modelPositions = positions.map((p) => {
    const where = `aircraft_types.${id}.compartments.${p.compartment} … ${p.id}`;
    if (p.lng_arm === undefined) issues.push({ path: where, message: `position ${p.id} has no lng_arm (nor inherits one)` });
    if (p.max_weight === undefined) issues.push({ path: where, message: `position ${p.id} has no max_weight (nor inherits one)` });
    const named = p.compatible_uld_types ?? [];
    for (const t of named) if (!uldTypes.has(t)) undefinedTypes.add(t);
    const takes = named.filter((t) => uldTypes.has(t));
    if (takes.length === 0) issues.push({ path: where, message: `position ${p.id} takes no defined ULD type (${named.join(", ") || "none named"})` });
    const lateral = lateralArmOf(p);
    return {
      id: p.id,
      station: p.lng_arm ?? 0,
      maxWeight: p.max_weight ?? 0,
      maxHeight: Math.max(0, ...takes.map((t) => uldTypes.get(t)?.inner_height ?? 0)),
      deck: (p.deck ?? p.compartmentDeck) === "LD" ? ("lower" as const) : ("main" as const),
      ...(lateral !== undefined ? { lateralArm: lateral } : {}),
      ...(takes.length > 0 ? { unitTypes: takes } : {}),
    };
  });
  if (range <= 0) issues.push({ path: `aircraft_types.${id}.max_lng_arm`, message: "the aft CG limit must be aft of the forward limit" });
  if (issues.length > 0) return { ok: false, issues };
  const input: z.input<typeof freighterSchema> = {
    id,
    name: a.model,
    uldTypes: types,
    loadModel: {
      datum: "the nose (ACLPP lng = 0)",
      positionLength: 317,
      positions: modelPositions.sort((x, y) => x.station - y.station || x.id.localeCompare(y.id)),
      mac: {
        lemac: a.min_lng_arm,
        length: range,
        source: SOURCE,
        assumption: true,
        rationale: "ACLPP states the CG limits as arms and no MAC: this chord spans the limits, so 0-100 % is the allowed range, not the real %MAC",
      },
      envelope: { forwardPercentMac: 0, aftPercentMac: 100, optimumPercentMac: ((a.opt_lng_arm - a.min_lng_arm) / range) * 100, source: SOURCE },
      operating: { weight: a.oew, arm: a.oew_lng_arm, source: SOURCE },
      overlaps: a.overlapping_positions.map(([x, y]) => [x, y] as [string, string]),
      weightLimits: [
        ...Object.entries(a.weight_constraints).map(([wid, w]) => ({ id: wid, maxWeight: w.limit, positions: w.positions })),
        ...Object.entries(a.net_weight_constraint).map(([wid, w]) => ({ id: wid, maxWeight: w.limit, positions: w.position, handlingCode: wid.split("_")[0] ?? wid })),
      ],
      source: SOURCE,
    },
  };
  const parsed = freighterSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((i) => ({ path: `aircraft_types.${id} (as ${i.path.join(".")})`, message: i.message })) };
  return { ok: true, freighter: parsed.data, undefinedUldTypes: [...undefinedTypes].sort() };
}
