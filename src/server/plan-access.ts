/** The baseline plan and the scenario's geography, as commands and reports read them. */
import type { Kysely } from "kysely";
import type { Plan } from "#domain/plan.ts";
import { findBaseline } from "#store/plan-versions.repository.ts";
import type { DB, PlanVersion as PlanVersionRow } from "#store/schema.ts";
import type { ServerDeps } from "./deps.ts";
import { HttpError } from "./http-error.ts";

/** The published baseline and its plan, or 409 when nothing is published yet. */
export async function loadBaseline(deps: ServerDeps, db: Kysely<DB>): Promise<{ row: PlanVersionRow; plan: Plan }> {
  const row = await findBaseline(db, deps.scenario.id);
  if (row === undefined)
    throw new HttpError(409, "plan.no_baseline", "No published plan", "publish a plan first (POST /api/plans)");
  return { row, plan: JSON.parse(row.plan_json) as Plan };
}

/** The host's country code (ISO 3166-1 alpha-2), from the agreement. */
export function hostCountry(deps: ServerDeps): string {
  const host = deps.scenario.resolved.scenario.agreement.parties.find((p) => p.role === "host");
  return host?.country ?? "";
}

/** Whether a site is in the host country (the sites the departing party must leave). */
export function inHostCountry(deps: ServerDeps, site: string): boolean {
  return deps.scenario.resolved.sites.get(site as never)?.inHostCountry ?? false;
}
