import { formatJsonPath } from "#domain/json-issues.ts";
import { type Plan, planSchema } from "#domain/plan.ts";
import { parseInstant } from "#domain/time.ts";
import { type Violation, violation } from "./violation.ts";

/** RFC 3339 UTC at a whole minute, as docs/plan-format.md asks (`2024-09-15T23:59:00Z`). */
const CANONICAL_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00(\.0+)?(Z|[+-]00:00)$/;

/** A parsed plan with its non-fatal `plan.schema` violations, or only the violations when it is no plan. */
export type PlanParse =
  | { readonly ok: true; readonly plan: Plan; readonly violations: readonly Violation[] }
  | { readonly ok: false; readonly violations: readonly Violation[] };

/**
 * Parses an unknown value as a plan. Schema errors are fatal (nothing else can be checked) and come
 * back as `plan.schema` violations with their JSON path; instants that parse but are not whole-minute
 * UTC, and repeated ids, are reported too but do not stop the other rules.
 * @example const r = parsePlan(JSON.parse(text)); if (!r.ok) return r.violations;
 */
export function parsePlan(value: unknown): PlanParse {
  const parsed = planSchema.safeParse(value);
  if (!parsed.success) {
    const violations = parsed.error.issues.map((issue) => {
      const path = formatJsonPath(issue.path.filter((p): p is string | number => typeof p !== "symbol"));
      return violation("plan.schema", `${path}: ${issue.message}`);
    });
    return { ok: false, violations };
  }
  const plan = parsed.data;
  const fatal: Violation[] = [];
  const soft: Violation[] = [];
  for (const { path, value: iso } of instantFields(plan)) {
    if (parseInstant(iso) === undefined)
      fatal.push(violation("plan.schema", `${path}: "${iso}" is not an instant`));
    else if (!CANONICAL_INSTANT.test(iso))
      soft.push(
        violation(
          "plan.schema",
          `${path}: "${iso}" is not RFC 3339 UTC at a whole minute (write e.g. 2025-03-06T09:30:00Z)`,
        ),
      );
  }
  if (fatal.length > 0) return { ok: false, violations: [...fatal, ...soft] };
  return { ok: true, plan, violations: [...soft, ...duplicateIds(plan)] };
}

/** Every instant of the plan with its JSON path. */
function instantFields(plan: Plan): { path: string; value: string }[] {
  const out: { path: string; value: string }[] = [];
  const add = (path: (string | number)[], value: string): void => {
    out.push({ path: formatJsonPath(path), value });
  };
  for (const k of ["start", "deadline", "closureAt", "lowerBoundAt"] as const)
    add(["summary", k], plan.summary[k]);
  for (const [i, s] of plan.sorties.entries())
    for (const [j, l] of s.legs.entries()) {
      add(["sorties", i, "legs", j, "departAt"], l.departAt);
      add(["sorties", i, "legs", j, "arriveAt"], l.arriveAt);
    }
  plan.convoys.forEach((c, i) => {
    add(["convoys", i, "departAt"], c.departAt);
    add(["convoys", i, "arriveAt"], c.arriveAt);
  });
  for (const [i, c] of plan.commercial.entries()) add(["commercial", i, "departAt"], c.departAt);
  plan.clearanceRequests.forEach((r, i) => {
    for (const k of ["firstAt", "lastAt", "latestFilingAt", "validFrom", "validTo"] as const)
      add(["clearanceRequests", i, k], r[k]);
  });
  plan.siteClosures.forEach((c, i) => {
    if (c.lastCargoAt !== undefined) add(["siteClosures", i, "lastCargoAt"], c.lastCargoAt);
    add(["siteClosures", i, "closedAt"], c.closedAt);
  });
  for (const [i, b] of plan.bounds.entries()) add(["bounds", i, "at"], b.at);
  return out;
}

/** Ids that must be unique: violations and clearances name movements, loads name pallets. */
function duplicateIds(plan: Plan): Violation[] {
  const out: Violation[] = [];
  const check = (what: string, entries: readonly { id: string; path: (string | number)[] }[]) => {
    const seen = new Map<string, string>();
    for (const e of entries) {
      const here = formatJsonPath(e.path);
      const first = seen.get(e.id);
      if (first !== undefined)
        out.push(
          violation("plan.schema", `${here}: ${what} id "${e.id}" is already used at ${first}`, {
            subject: e.id,
          }),
        );
      else seen.set(e.id, here);
    }
  };
  check(
    "pallet",
    plan.pallets.map((p, i) => ({ id: p.id, path: ["pallets", i, "id"] })),
  );
  check("movement", [
    ...plan.sorties.map((s, i) => ({ id: s.id, path: ["sorties", i, "id"] })),
    ...plan.convoys.map((c, i) => ({ id: c.id, path: ["convoys", i, "id"] })),
    ...plan.commercial.map((c, i) => ({ id: c.id, path: ["commercial", i, "id"] })),
  ]);
  check(
    "clearance request",
    plan.clearanceRequests.map((r, i) => ({ id: r.id, path: ["clearanceRequests", i, "id"] })),
  );
  return out;
}
