/**
 * The reconciliation report (`GET /api/personnel/reconciliation`, persons by id) parsed and joined
 * with the persons as the caller may see them: who is still in the country and where, who left on
 * which movement, who left unrecorded (on a departed manifest without an exit), exits without a
 * manifest, persons never entered, and records about unknown persons.
 */
import * as z from "zod/mini";
import type { Person } from "../../api/contract.ts";

const reportSchema = z.object({
  inCountry: z.array(z.object({ person: z.string(), site: z.string(), since: z.string() })),
  left: z.array(z.object({ person: z.string(), movement: z.optional(z.string()), at: z.string() })),
  leftUnrecorded: z.array(z.object({ person: z.string(), movement: z.string() })),
  exitWithoutManifest: z.array(z.object({ person: z.string(), movement: z.optional(z.string()) })),
  neverEntered: z.array(z.string()),
  unknownPersons: z.array(z.string()),
});

/** The report as the server sends it. */
export type ReconciliationReport = z.infer<typeof reportSchema>;

/** One row of a part of the report: the person as shown, and what the part says of them. */
export interface ReconciliationRow {
  readonly person: string;
  /** The name, or empty when it is not known (erased, or not a registered person). */
  readonly name: string;
  readonly nationality: string;
  readonly site?: string | undefined;
  readonly movement?: string | undefined;
  /** Since when (in the country) or when (left). */
  readonly at?: string | undefined;
}

/** The parts of the report, in the order they are shown. */
export const PARTS = ["leftUnrecorded", "exitWithoutManifest", "inCountry", "left", "neverEntered", "unknownPersons"] as const;
/** One part. */
export type Part = (typeof PARTS)[number];

/**
 * The report's parts as rows with names; undefined when the answer is not a report.
 *
 * @example
 * reconciliationRows(body, persons)?.leftUnrecorded; // [{ person: "P-3", name: "…", movement: "M-1" }]
 */
export function reconciliationRows(body: unknown, persons: readonly Pick<Person, "id" | "name" | "nationality">[]): Record<Part, ReconciliationRow[]> | undefined {
  const parsed = reportSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const r = parsed.data;
  const byId = new Map(persons.map((p) => [p.id, p]));
  const row = (person: string, extra: Omit<ReconciliationRow, "person" | "name" | "nationality"> = {}): ReconciliationRow => ({
    person,
    name: byId.get(person)?.name ?? "",
    nationality: byId.get(person)?.nationality ?? "",
    ...extra,
  });
  return {
    leftUnrecorded: r.leftUnrecorded.map((x) => row(x.person, { movement: x.movement })),
    exitWithoutManifest: r.exitWithoutManifest.map((x) => row(x.person, { movement: x.movement })),
    inCountry: r.inCountry.map((x) => row(x.person, { site: x.site, at: x.since })),
    left: r.left.map((x) => row(x.person, { movement: x.movement, at: x.at })),
    neverEntered: r.neverEntered.map((p) => row(p)),
    unknownPersons: r.unknownPersons.map((p) => row(p)),
  };
}
