import type { Plan } from "#domain/plan.ts";
import type { ResolvedScenario } from "#domain/scenario-model.ts";
import { formatHuman, parseInstant } from "#domain/time.ts";

const human = (iso: string | undefined) => {
  const t = iso === undefined ? undefined : parseInstant(iso);
  return t === undefined ? "—" : formatHuman(t);
};

const days = (hours: number) => `${(hours / 24).toFixed(1)} days`;

/** The plan summary a movement planner reads every morning. */
export function formatPlan(rs: ResolvedScenario, plan: Plan, maxRequests = 12): string {
  const s = plan.summary;
  const lines: string[] = [];
  const site = (id: string) => rs.sites.get(id as never);
  lines.push(`Drawdown plan — ${rs.scenario.name} (${rs.scenario.id})`);
  lines.push(`  Start        ${human(s.start)}`);
  lines.push(`  Deadline     ${human(s.deadline)}`);
  lines.push(
    `  Closure      ${human(s.closureAt)}   ${s.meetsDeadline ? `meets the deadline with ${days(s.slackHours)} to spare` : `MISSES the deadline by ${days(-s.slackHours)}`}`,
  );
  lines.push(`  Lower bound  no plan can finish before ${human(s.lowerBoundAt)} (${s.bindingBound}); closure / bound = ${s.closureRatio === null ? "— (no bound after the start)" : s.closureRatio.toFixed(3)}`);
  lines.push("");
  lines.push("Site close-out");
  for (const c of plan.siteClosures) {
    const name = site(c.site)?.name ?? c.site;
    lines.push(`  ${c.site.padEnd(10)} ${name.slice(0, 36).padEnd(36)} last cargo ${human(c.lastCargoAt)}   closed ${human(c.closedAt)}`);
  }
  lines.push("");
  const byType = Object.entries(s.sortiesByType)
    .map(([t, n]) => `${t} ${n}`)
    .join(", ");
  lines.push(`Sorties           ${s.sorties}${byType ? ` (${byType})` : ""}, ${s.flyingHours.toFixed(1)} flying hours`);
  lines.push(`Convoys           ${s.convoys}`);
  lines.push(`Commercial seats  ${s.commercialSeats} on ${plan.commercial.length} flights`);
  lines.push(`Moved             ${s.personnel} people, ${s.cargoPieces} pieces of cargo (${(s.cargoKg / 1000).toFixed(1)} t) on ${s.pallets} pallets and loose`);
  lines.push("");
  const requests = [...plan.clearanceRequests].sort((a, b) => a.latestFilingAt.localeCompare(b.latestFilingAt));
  lines.push(`Clearance requests ${requests.length}${requests.length > 0 ? `: the first must be filed by ${human(requests[0]?.latestFilingAt)}` : ""}`);
  for (const r of requests.slice(0, maxRequests))
    lines.push(`  file by ${human(r.latestFilingAt)}  ${r.sortie.padEnd(6)} ${r.country} ${r.kind.padEnd(10)} ${(r.airfield ?? "").padEnd(6)} flight ${human(r.firstAt)}`);
  if (requests.length > maxRequests) lines.push(`  … and ${requests.length - maxRequests} more (--json or --out for all)`);
  if (plan.unplanned.length > 0) {
    lines.push("");
    lines.push(`NOT PLANNED (${plan.unplanned.length}):`);
    for (const u of plan.unplanned.slice(0, 20)) lines.push(`  ${u.what} ${u.id}: ${u.reason}`);
  }
  return lines.join("\n");
}
