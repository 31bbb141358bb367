import { z } from "zod";

/**
 * Special handling codes (IATA SHC, e.g. RFL flammable liquid, ROX oxidiser, AVI live animals, EAT
 * foodstuffs) and the pairs that may never share one unit load device: the dangerous-goods and
 * perishables segregation a freighter's load planner applies when building ULDs. The table is data
 * (the operator's), shared by the planner and the verifier.
 */

export const handlingCodeSchema = z.string().regex(/^[A-Z0-9]{2,4}$/, "a special handling code such as RFL or AVI");

export const handlingSeparationSchema = z.strictObject({
  notOnOneUnit: z
    .array(z.tuple([handlingCodeSchema, handlingCodeSchema]))
    .describe("Pairs of codes whose cargo may not travel on one ULD."),
  source: z.string().min(1).optional(),
});

export type HandlingSeparation = z.output<typeof handlingSeparationSchema>;

/** Code → the codes it may not share a ULD with (both ways). */
export function separationIndex(table: HandlingSeparation): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (a: string, b: string) => {
    const s = out.get(a) ?? new Set<string>();
    s.add(b);
    out.set(a, s);
  };
  for (const [a, b] of table.notOnOneUnit) {
    add(a, b);
    add(b, a);
  }
  return out;
}

/**
 * Whether cargo with codes `a` may share a ULD with cargo with codes `b`.
 * @example mayShareUnit(index, ["RFL"], ["ROX"]) // false
 */
export function mayShareUnit(index: ReadonlyMap<string, ReadonlySet<string>>, a: readonly string[], b: readonly string[]): boolean {
  for (const x of a) {
    const bad = index.get(x);
    if (bad && b.some((y) => bad.has(y))) return false;
  }
  return true;
}
