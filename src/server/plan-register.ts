/** Published plan versions from their rows, as the workflow's register. */
import { parseInstant } from "#domain/time.ts";
import type { PlanSummary } from "#domain/plan.ts";
import type { PlanVersionSummary } from "#store/plan-versions.repository.ts";
import type { PartyCode, PlanVersionId, UserId } from "#workflow/ids.ts";
import type { PlanRegister, PlanVersion } from "#workflow/plan-version.ts";

/** A stored version (its summary read from the plan JSON when given). */
export function planVersionOfRow(row: PlanVersionSummary, owner: PartyCode, summary?: PlanSummary): PlanVersion {
  return {
    id: row.id as PlanVersionId,
    number: row.version_number,
    owner,
    scenario: row.scenario_id,
    digest: row.digest ?? "",
    publishedAt: parseInstant(row.published_at) ?? (0 as never),
    publishedBy: row.published_by as UserId,
    status: row.is_baseline === 1 ? "baseline" : "superseded",
    ...(row.note === null ? {} : { note: row.note }),
    summary: summary ?? ({} as PlanSummary),
  };
}

/** The register of a scenario's published versions (version = number of publications). */
export function registerOfRows(owner: PartyCode, rows: readonly PlanVersionSummary[]): PlanRegister {
  const versions = rows.map((r) => planVersionOfRow(r, owner));
  return { owner, versions, version: versions.length, history: [] };
}
