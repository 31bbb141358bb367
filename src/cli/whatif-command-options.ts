import { InvalidArgumentError } from "commander";
import type { ClearanceKind, LeadTime } from "#domain/clearance-rule.ts";
import type { ResolvedScenario } from "#domain/scenario-model.ts";
import { type Instant, instant, parseInstant } from "#domain/time.ts";
import { fleetByType } from "#planner/whatif/fleet-counts.ts";
import type { Variation } from "#planner/whatif/variation.ts";

/** A `whatif` option as typed, before the scenario is known (counts and relative deadlines need it). */
export type WhatIfOption =
  | { readonly option: string; readonly kind: "fleet"; readonly type: string; readonly delta: number; readonly absolute: boolean }
  | { readonly option: string; readonly kind: "clearance-delay"; readonly target: string; readonly hours: number }
  | { readonly option: string; readonly kind: "deny"; readonly country: string }
  | { readonly option: string; readonly kind: "deadline"; readonly at: Instant }
  | { readonly option: string; readonly kind: "deadline-shift"; readonly minutes: number }
  | { readonly option: string; readonly kind: "aircraft-out"; readonly fleetId: string; readonly count: number; readonly from?: Instant; readonly to?: Instant }
  | { readonly option: string; readonly kind: "lead-time"; readonly country: string; readonly value: number; readonly unit: LeadTime["unit"]; readonly clearance?: ClearanceKind };

const bad = (message: string) => new InvalidArgumentError(message);

function pair(value: string, example: string): [string, string] {
  const i = value.lastIndexOf("=");
  if (i <= 0 || i === value.length - 1) throw bad(`write it as ${example}`);
  return [value.slice(0, i).trim(), value.slice(i + 1).trim()];
}

/** `72h`, `3d`, `1.5d`, `90m` → hours. */
export function parseHours(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(m|min|h|d)$/i.exec(text.trim());
  if (!m) throw bad(`bad duration "${text}": a number with a unit, h (hours), d (days) or m (minutes), e.g. 72h`);
  const n = Number(m[1]);
  const unit = (m[2] ?? "h").toLowerCase();
  return unit === "d" ? n * 24 : unit === "h" ? n : n / 60;
}

/** `2024-09-30T23:59Z` as it is; `2024-09-30` as that day's 23:59Z (a deadline is the end of a day). */
export function parseWhen(text: string, endOfDay: boolean): Instant {
  const t = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) {
    const day = parseInstant(`${t}T00:00Z`);
    if (day !== undefined && !Number.isNaN(day)) return instant(day + (endOfDay ? 1439 : 0));
  }
  const at = parseInstant(t);
  if (at === undefined) throw bad(`bad date "${text}": write 2024-09-30 or an instant with its offset, 2024-09-30T23:59Z`);
  return at;
}

const collect =
  <T>(parse: (value: string) => T) =>
  (value: string, previous: readonly T[] = []): T[] => [...previous, parse(value)];

/** `--fleet C-17A=+2` (two more), `C-17A=-1` (one fewer), `C-17A=3` (three in all). */
export const fleetOption = collect((value): WhatIfOption => {
  const [type, n] = pair(value, "TYPE=+N, e.g. C-17A=+2");
  if (!/^[+-]?\d+$/.test(n)) throw bad(`bad count "${n}" for ${type}: write +N or -N to add or remove, or N for the total, e.g. C-17A=+2`);
  return { option: `--fleet ${value}`, kind: "fleet", type, delta: Number(n), absolute: !/^[+-]/.test(n) };
});

/** `--clearance-delay DRRN=72h` (an airfield) or `NE=3d` (a country). */
export const clearanceDelayOption = collect((value): WhatIfOption => {
  const [target, d] = pair(value, "AIRFIELD=72h or COUNTRY=3d, e.g. DRRN=72h");
  return { option: `--clearance-delay ${value}`, kind: "clearance-delay", target, hours: parseHours(d) };
});

/** `--deny DZ`: no landing in or overflight of Algeria. */
export const denyOption = collect((value): WhatIfOption => {
  if (!/^[A-Za-z]{2}$/.test(value.trim())) throw bad(`bad country "${value}": the two-letter ISO code, e.g. DZ`);
  return { option: `--deny ${value}`, kind: "deny", country: value.trim().toUpperCase() };
});

/** `--deadline 2024-09-30`, `2024-09-30T12:00Z`, or relative to the scenario's: `+72h`, `-2d`. */
export function deadlineOption(value: string): WhatIfOption {
  const rel = /^([+-])(.+)$/.exec(value.trim());
  if (rel) {
    const hours = parseHours(rel[2] ?? "");
    return { option: `--deadline ${value}`, kind: "deadline-shift", minutes: Math.round((rel[1] === "-" ? -hours : hours) * 60) };
  }
  return { option: `--deadline ${value}`, kind: "deadline", at: parseWhen(value, true) };
}

/** `--aircraft-out C17=1` (for the whole withdrawal) or `C17=1@2024-07-01..2024-07-10` (from 00:00Z to 00:00Z). */
export const aircraftOutOption = collect((value): WhatIfOption => {
  const [fleetId, rest] = pair(value, "FLEET=N or FLEET=N@FROM..TO, e.g. C17=1@2024-07-01..2024-07-10");
  const [n = "", span] = rest.split("@");
  if (!/^\d+$/.test(n) || Number(n) < 1) throw bad(`bad count "${n}" for ${fleetId}: a whole number of aircraft ≥ 1, e.g. C17=1`);
  if (span === undefined) return { option: `--aircraft-out ${value}`, kind: "aircraft-out", fleetId, count: Number(n) };
  const m = /^(.*)\.\.(.*)$/.exec(span);
  if (!m) throw bad(`bad period "${span}": FROM..TO, either may be left out, e.g. 2024-07-01..2024-07-10`);
  const from = m[1] ? parseWhen(m[1], false) : undefined;
  const to = m[2] ? parseWhen(m[2], false) : undefined;
  return { option: `--aircraft-out ${value}`, kind: "aircraft-out", fleetId, count: Number(n), ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) };
});

/** `--lead-time NE=1wd` (working days), `NE=48h`, `DZ=2d`; `NE:landing=1wd` for one kind. */
export const leadTimeOption = collect((value): WhatIfOption => {
  const [who, v] = pair(value, "COUNTRY=2wd, COUNTRY=48h or COUNTRY:landing=1wd");
  const [country = "", kind] = who.split(":");
  if (!/^[A-Za-z]{2}$/.test(country)) throw bad(`bad country "${country}": the two-letter ISO code, e.g. NE`);
  if (kind !== undefined && kind !== "landing" && kind !== "overflight") throw bad(`bad clearance kind "${kind}": landing or overflight`);
  const m = /^(\d+(?:\.\d+)?)\s*(wd|h|d)$/i.exec(v);
  if (!m) throw bad(`bad lead time "${v}": a number with wd (working days), h (hours) or d (days), e.g. 2wd`);
  const unit = ({ wd: "working_days", h: "hours", d: "days" } as const)[(m[2] ?? "").toLowerCase() as "wd" | "h" | "d"];
  return { option: `--lead-time ${value}`, kind: "lead-time", country: country.toUpperCase(), value: Number(m[1]), unit, ...(kind ? { clearance: kind } : {}) };
});

/**
 * The variations the options ask for, with the option each came from, in a fixed order: deadline,
 * fleet, aircraft out of service, lead times, clearance delays, denied countries.
 */
export function toVariations(rs: ResolvedScenario, options: readonly WhatIfOption[]): { variation: Variation; option: string }[] {
  const order = ["deadline", "deadline-shift", "fleet", "aircraft-out", "lead-time", "clearance-delay", "deny"];
  const counts = fleetByType(rs.scenario);
  return [...options]
    .sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))
    .map((o) => {
      const { option, ...v } = o;
      switch (v.kind) {
        case "fleet":
          return { option, variation: { kind: "fleet", type: v.type, delta: v.absolute ? v.delta - (counts.get(v.type) ?? 0) : v.delta } };
        case "deadline-shift":
          return { option, variation: { kind: "deadline", at: instant(rs.deadline + v.minutes) } };
        default:
          return { option, variation: v };
      }
    });
}
