import type { JsonPath } from "#domain/json-issues.ts";
import type { Plan } from "#domain/plan.ts";
import type { ReplanEvents } from "#domain/replan-events.ts";
import type { ScenarioInput } from "#domain/scenario.ts";
import type { ResolvedScenario } from "#domain/scenario-model.ts";
import { parseInstant } from "#domain/time.ts";

/** A problem with an events file, by JSON path in that file. */
export interface EventIssue {
  readonly path: JsonPath;
  readonly message: string;
  readonly hint: string;
}

type RawEvent = Record<string, unknown>;

/** The movement ids of a plan with their first departure. */
export function movementDepartures(plan: Plan): Map<string, number> {
  const out = new Map<string, number>();
  const at = (iso: string | undefined) => (iso === undefined ? Number.NaN : (parseInstant(iso) ?? Number.NaN));
  for (const s of plan.sorties) out.set(s.id, at(s.legs[0]?.departAt));
  for (const c of plan.convoys) out.set(c.id, at(c.departAt));
  for (const p of plan.commercial) out.set(p.id, at(p.departAt));
  return out;
}

/**
 * The scenario as the events leave it, in its file form: aircraft out of service and clearances refused
 * or withheld become `outOfService` and `refusals` entries, new cargo lines are added. Checks every
 * reference of the events against the plan and the scenario first and reports all problems at once.
 * Pure: the input is not changed.
 */
export function applyEvents(
  input: ScenarioInput,
  rs: ResolvedScenario,
  plan: Plan,
  events: ReplanEvents,
  raw: unknown,
): { ok: true; scenario: ScenarioInput } | { ok: false; issues: EventIssue[] } {
  const issues: EventIssue[] = [];
  const departures = movementDepartures(plan);
  const rawEvents = ((raw as { events?: unknown[] }).events ?? []) as RawEvent[];
  const rawNow = (raw as { now?: string }).now ?? "";
  const out: ScenarioInput = structuredClone(input);
  const known = [...departures.keys()];
  const newIds = new Set<string>();
  const settled = new Map<string, string>();

  events.events.forEach((e, i) => {
    const path = (...rest: (string | number)[]): JsonPath => ["events", i, ...rest];
    const r = rawEvents[i] ?? {};
    switch (e.kind) {
      case "executed":
      case "cancelled": {
        const dep = departures.get(e.movement);
        if (dep === undefined) {
          issues.push({ path: path("movement"), message: `no movement "${e.movement}" in the plan`, hint: `use a sortie, convoy or airline movement id of the plan, e.g. ${known.slice(0, 3).join(", ")}` });
          return;
        }
        const other = settled.get(e.movement);
        if (other && other !== e.kind) issues.push({ path: path("kind"), message: `${e.movement} is both executed and cancelled`, hint: "keep one of the two events" });
        settled.set(e.movement, e.kind);
        if (e.kind === "executed" && dep > events.now)
          issues.push({ path: path("movement"), message: `${e.movement} departs after \`now\`: it cannot have taken place yet`, hint: "set `now` after its departure, or leave the event out" });
        return;
      }
      case "aircraft_out": {
        const entry = rs.scenario.fleet.find((f) => e.aircraft.startsWith(`${f.id}-`) && /^\d+$/.test(e.aircraft.slice(f.id.length + 1)));
        const n = entry ? Number(e.aircraft.slice(entry.id.length + 1)) : Number.NaN;
        const index = entry ? rs.scenario.fleet.indexOf(entry) : -1;
        const target = out.fleet[index];
        if (!entry || !target || n < 1 || n > entry.count) {
          issues.push({ path: path("aircraft"), message: `no aircraft "${e.aircraft}" in the fleet`, hint: `a tail id is <fleet id>-<n>: ${rs.scenario.fleet.map((f) => `${f.id}-1…${f.id}-${f.count}`).join(", ")}` });
          return;
        }
        target.outOfService = [
          ...(target.outOfService ?? []),
          { aircraft: n, from: (r.from as string | undefined) ?? rawNow, ...(r.to !== undefined ? { to: r.to as string } : {}), ...(e.reason ? { reason: e.reason } : {}) },
        ];
        return;
      }
      case "clearance_denied":
      case "clearance_delayed": {
        const index = rs.scenario.clearanceRules.findIndex((c) => c.country === e.country);
        const rule = rs.scenario.clearanceRules[index];
        const target = out.clearanceRules?.[index];
        if (!rule || !target || !rule[e.clearance]) {
          issues.push({ path: path("clearance"), message: `${e.country} requires no ${e.clearance} clearance in this scenario`, hint: `countries with rules: ${rs.scenario.clearanceRules.map((c) => `${c.country} (${[c.landing ? "landing" : "", c.overflight ? "overflight" : ""].filter(Boolean).join(", ")})`).join("; ") || "none"}` });
          return;
        }
        if (e.airfield !== undefined) {
          const site = rs.sites.get(e.airfield);
          if (!site || site.country !== e.country || !site.icao) {
            issues.push({ path: path("airfield"), message: `"${e.airfield}" is not an airfield of ${e.country}`, hint: `airfields of ${e.country}: ${rs.scenario.sites.filter((x) => x.country === e.country && x.icao).map((x) => x.id).join(", ") || "none"}` });
            return;
          }
          if (e.clearance === "overflight") {
            issues.push({ path: path("airfield"), message: "an overflight clearance is for the whole country", hint: "leave `airfield` out, or use `clearance: \"landing\"`" });
            return;
          }
        }
        if (e.kind === "clearance_delayed" && e.until <= (e.from ?? events.now))
          issues.push({ path: path("until"), message: "the delay ends before it starts", hint: "`until` must be after `from` (default `now`)" });
        target.refusals = [
          ...(target.refusals ?? []),
          {
            kind: e.clearance,
            ...(e.airfield !== undefined ? { airfield: e.airfield } : {}),
            from: (r.from as string | undefined) ?? rawNow,
            ...(e.kind === "clearance_delayed" ? { to: r.until as string } : {}),
            ...(e.reason ? { reason: e.reason } : {}),
          },
        ];
        return;
      }
      case "new_cargo": {
        const rawLines = (r.cargo ?? []) as ScenarioInput["cargo"];
        e.cargo.forEach((c, j) => {
          const site = rs.sites.get(c.site);
          if (!site?.inHostCountry) issues.push({ path: path("cargo", j, "site"), message: `"${c.site}" is not a site in the host country`, hint: `host sites: ${rs.scenario.sites.filter((x) => x.inHostCountry).map((x) => x.id).join(", ")}` });
          if (rs.scenario.cargo.some((x) => x.id === c.id) || newIds.has(c.id))
            issues.push({ path: path("cargo", j, "id"), message: `cargo id "${c.id}" is already used`, hint: "give new cargo lines ids of their own" });
          newIds.add(c.id);
        });
        out.cargo = [...out.cargo, ...rawLines];
        return;
      }
    }
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, scenario: out };
}
