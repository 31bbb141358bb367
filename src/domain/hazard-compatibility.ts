import { z } from "zod";
import tableFile from "../../data/hazard-compatibility.json" with { type: "json" };
import type { Hazard } from "./cargo.ts";

/**
 * Hazardous-cargo segregation (data/hazard-compatibility.json, simplified from 49 CFR 177.848 and
 * 175.78): which UN classes and divisions must never share an aircraft, and which may fly on one
 * aircraft but never on one pallet. Shared by the planner and the verifier.
 */

/** How far apart two hazards must travel: not at all, on different pallets, or on different aircraft. */
export type Separation = "none" | "pallet" | "aircraft";
/** Where two hazards are checked: on one aircraft, or on one pallet. */
export type SegregationLevel = "aircraft" | "pallet";

const rowOf = (n: number) => z.string().regex(new RegExp(`^[.XO*]{${n}}$`), `one of . X O * per column (${n})`);

const fileSchema = z.strictObject({
  $comment: z.string().optional(),
  source: z.string().min(1),
  asOf: z.string().optional(),
  assumption: z.boolean().optional(),
  rationale: z.string().optional(),
  keys: z.array(z.string().min(1)).min(1),
  table: z.record(z.string(), z.string()),
  aircraftStowage: z.strictObject({ source: z.string().min(1), pallet: z.array(z.tuple([z.string(), z.string()])) }),
  exempt: z.strictObject({ division: z.string().min(1), source: z.string().min(1) }),
  explosiveGroups: z.strictObject({ source: z.string().min(1), groups: z.string().min(1), table: z.record(z.string(), z.string()) }),
});

const parsed = fileSchema.parse(tableFile);
for (const k of parsed.keys) rowOf(parsed.keys.length).parse(parsed.table[k]);
for (const g of parsed.explosiveGroups.groups) rowOf(parsed.explosiveGroups.groups.length).parse(parsed.explosiveGroups.table[g]);

/** The parsed table, for display and for tests. */
export const HAZARD_COMPATIBILITY = parsed;

const RANK: Record<Separation, number> = { none: 0, pallet: 1, aircraft: 2 };
const stricter = (a: Separation, b: Separation): Separation => (RANK[b] > RANK[a] ? b : a);

const divisionOnly = (division: string) => division.replace(/[A-S]$/, "");
const groupOf = (h: Hazard): string | undefined => (h.division && /[A-S]$/.test(h.division) ? h.division.slice(-1) : undefined);

/**
 * The table keys a hazard falls under: its division (1.2 reads as 1.1, as in the table), or its
 * class when the table has no divisions for it; a class given without a division stands for every
 * division of the class. Classes and divisions not in the table (9, 6.2) have none.
 * @example segregationKeys({ class: 1, division: "1.1E" }) // ["1.1"]
 */
export function segregationKeys(h: Hazard): string[] {
  const keys = parsed.keys;
  const cls = String(h.class);
  if (h.division) {
    let d = divisionOnly(h.division);
    if (d === "1.2") d = "1.1";
    if (keys.includes(d)) return [d];
    return keys.includes(cls) ? [cls] : [];
  }
  return keys.filter((k) => k === cls || k.startsWith(`${cls}.`));
}

const isExempt = (h: Hazard) => h.division === parsed.exempt.division;

function cell(a: string, b: string): string {
  const i = parsed.keys.indexOf(b);
  return parsed.table[a]?.[i] ?? ".";
}

function explosivesSeparation(a: Hazard, b: Hazard): Separation {
  let sep: Separation = "none";
  const ga = groupOf(a);
  const gb = groupOf(b);
  if (ga && gb) {
    const groups = parsed.explosiveGroups.groups;
    const mark = parsed.explosiveGroups.table[ga]?.[groups.indexOf(gb)] ?? ".";
    const sameArticle = a.unNumber !== undefined && a.unNumber === b.unNumber;
    if (mark === "X" && !sameArticle) sep = "aircraft";
  }
  return stricter(sep, stowage(a, b));
}

/** 175.78 pairs that may fly on one aircraft but not next to each other: not on one pallet. */
function stowage(a: Hazard, b: Hazard): Separation {
  const names = (h: Hazard) => new Set([...segregationKeys(h), ...(h.division ? [h.division] : [])]);
  const na = names(a);
  const nb = names(b);
  for (const [x, y] of parsed.aircraftStowage.pallet) if ((na.has(x) && nb.has(y)) || (na.has(y) && nb.has(x))) return "pallet";
  return "none";
}

/**
 * How two hazards must be kept apart.
 * @example separation({ class: 1, division: "1.1E" }, { class: 3 }) // "aircraft"
 * @example separation({ class: 1, division: "1.4S" }, { class: 3 }) // "none" (1.4S is exempt aboard aircraft)
 */
export function separation(a: Hazard, b: Hazard): Separation {
  if (a.class === 1 && b.class === 1) return explosivesSeparation(a, b);
  if (isExempt(a) || isExempt(b)) return "none";
  let sep: Separation = "none";
  for (const ka of segregationKeys(a))
    for (const kb of segregationKeys(b)) {
      const c = [cell(ka, kb), cell(kb, ka)];
      if (c.includes("X")) sep = "aircraft";
      else if (c.includes("O")) sep = stricter(sep, "pallet");
    }
  return stricter(sep, stowage(a, b));
}

/**
 * Whether two hazards may travel together: on one aircraft (the default), or on one pallet.
 * @example compatible({ class: 3 }, { class: 5, division: "5.1" }) // true: one aircraft, other pallets
 * @example compatible({ class: 3 }, { class: 5, division: "5.1" }, "pallet") // false
 */
export function compatible(a: Hazard, b: Hazard, level: SegregationLevel = "aircraft"): boolean {
  const sep = separation(a, b);
  return level === "aircraft" ? sep !== "aircraft" : sep === "none";
}

/** The first pair of hazards in the list that may not travel together at this level, if any. */
export function firstConflict(hazards: readonly Hazard[], level: SegregationLevel = "aircraft"): [Hazard, Hazard] | undefined {
  for (let i = 0; i < hazards.length; i++)
    for (let j = i + 1; j < hazards.length; j++) {
      const a = hazards[i];
      const b = hazards[j];
      if (a && b && !compatible(a, b, level)) return [a, b];
    }
  return undefined;
}

/** A hazard as people write it: `1.1E`, `3`, `UN1863 3`. */
export function formatHazard(h: Hazard): string {
  return `${h.unNumber ? `${h.unNumber} ` : ""}${h.division ?? `class ${h.class}`}`;
}
