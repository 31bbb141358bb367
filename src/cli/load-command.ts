import type { Command } from "commander";
import type { AircraftType } from "#domain/aircraft-type.ts";
import { positionSpan } from "#domain/load-model.ts";
import type { Leg, Plan, Sortie } from "#domain/plan.ts";
import type { ResolvedScenario } from "#domain/scenario-model.ts";
import { formatHuman, parseInstant } from "#domain/time.ts";
import { cm, cmTo } from "#domain/units.ts";
import type { AircraftLoad } from "#planner/load/aircraft-load.ts";
import { assessLoad } from "#planner/load/assess.ts";
import { legLoadOf } from "#planner/load/from-plan.ts";
import { type LoadGroup, loadQuality } from "#planner/load/load-quality.ts";
import { type LoadsBound, loadsLowerBound } from "#planner/load/lower-bound.ts";
import { planWithdrawal } from "#planner/plan-withdrawal.ts";
import { type Io, loadScenario, UserError } from "./io.ts";
import { progressReporter } from "./progress.ts";

export interface LoadCommandOptions {
  readonly site?: string;
  readonly type?: string;
  readonly json?: boolean;
  readonly seed?: number;
}

/** Adds `load` to the program (kept here so that main.ts only registers it). */
export function registerLoad(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command("load")
    .description("Plan the scenario and draw each aircraft load: positions in station order, floor pieces, seats, centre of balance against its limits, margins.")
    .argument("<scenario>", "scenario JSON file")
    .option("--site <id>", "only loads that board at this site")
    .option("--type <id>", "only loads of this aircraft type (e.g. C-17A)")
    .option("--json", "print the loads as JSON")
    .addHelpText("after", "\nExit codes: 0 every load shown is inside its limits; 2 bad scenario or option; 3 something could not be planned.")
    .action((scenario: string, opts: LoadCommandOptions) => done(loadCommand(io, scenario, opts)));
}

/** One loaded leg with its load checked again from the plan file. */
interface ShownLoad {
  readonly sortie: Sortie;
  readonly leg: Leg;
  readonly type: AircraftType;
  readonly load: AircraftLoad;
}

/** `drawdown load <scenario>`: the load plans of a scenario, drawn. */
export function loadCommand(io: Io, scenarioPath: string, opts: LoadCommandOptions): number {
  const rs = loadScenario(scenarioPath);
  if (opts.site !== undefined && !rs.sites.has(opts.site as never))
    throw new UserError(`unknown site "${opts.site}": use one of ${[...rs.sites.keys()].join(", ")}`);
  if (opts.type !== undefined && !rs.types.has(opts.type as never))
    throw new UserError(`unknown aircraft type "${opts.type}": use one of ${[...rs.types.keys()].join(", ")}`);
  const progress = progressReporter(io);
  const plan = planWithdrawal(rs, { seed: opts.seed ?? 1, onProgress: progress.update });
  progress.stop();
  const shown = loadsOf(rs, plan, opts);
  const bound = boundOf(rs, plan, shown, opts);
  const given = loadQuality(rs, plan).givenTypes.groups.filter((g) => (opts.site === undefined || g.origin === opts.site) && (opts.type === undefined || g.type === opts.type));
  if (opts.json) io.out(JSON.stringify(loadsJson(rs, shown, bound, given), null, 2));
  else io.out(formatLoads(rs, shown, bound, opts, given));
  if (plan.unplanned.length > 0) return 3;
  return shown.every((s) => s.load.ok) ? 0 : 1;
}

/** The loaded legs with a load plan, filtered, each re-checked from what the plan file records. */
export function loadsOf(rs: ResolvedScenario, plan: Plan, opts: LoadCommandOptions = {}): ShownLoad[] {
  const out: ShownLoad[] = [];
  for (const sortie of plan.sorties) {
    const type = rs.types.get(sortie.type as never);
    if (!type || (opts.type !== undefined && type.id !== opts.type)) continue;
    for (const leg of sortie.legs) {
      if (!leg.load || (opts.site !== undefined && leg.from !== opts.site)) continue;
      const read = legLoadOf(rs, plan, leg, type);
      if (!read) continue;
      out.push({ sortie, leg, type, load: assessLoad({ type, placement: read.placement, passengers: read.passengers, legDistance: read.legDistance }) });
    }
  }
  return out;
}

function boundOf(rs: ResolvedScenario, plan: Plan, shown: readonly ShownLoad[], opts: LoadCommandOptions): LoadsBound | undefined {
  if (shown.length === 0) return undefined;
  const units = shown.flatMap((s) => [...s.load.positions.map((p) => p.unit), ...s.load.floor.map((f) => f.unit)]);
  const passengers = shown.reduce((n, s) => n + s.load.seats.used, 0);
  const fleetTypes = [...new Set(rs.scenario.fleet.filter((f) => f.count > 0).map((f) => f.type as string))]
    .filter((t) => opts.type === undefined || t === opts.type)
    .flatMap((t) => rs.types.get(t as never) ?? []);
  const legDistance = Math.min(...shown.map((s) => legLoadOf(rs, plan, s.leg, s.type)?.legDistance ?? 0));
  return loadsLowerBound(units, fleetTypes, { passengers, legDistance });
}

const kg = (n: number) => `${Math.round(n).toLocaleString("en-US")} kg`;
const pct = (n: number) => n.toFixed(1);
const human = (iso: string) => {
  const t = parseInstant(iso);
  return t === undefined ? iso : formatHuman(t);
};

/** Every load drawn, then the totals and the lower bound. */
export function formatLoads(
  rs: ResolvedScenario,
  shown: readonly ShownLoad[],
  bound: LoadsBound | undefined,
  opts: LoadCommandOptions = {},
  given: readonly LoadGroup[] = [],
): string {
  const filter = [opts.site ? `from ${opts.site}` : "", opts.type ? `on ${opts.type}` : ""].filter(Boolean).join(" ");
  const lines = [`Aircraft loads — ${rs.scenario.name} (${rs.scenario.id})${filter ? `, ${filter}` : ""}`];
  if (shown.length === 0) {
    lines.push("  no loads with a load plan (only types with a load model get one)");
    return lines.join("\n");
  }
  for (const s of shown) lines.push("", ...drawLoad(s));
  const cgs = shown.map((s) => s.load.cgPercentMac);
  const outside = shown.filter((s) => !s.load.ok).length;
  lines.push("");
  lines.push(`Loads     ${shown.length}; centre of balance ${pct(Math.min(...cgs))}–${pct(Math.max(...cgs))} %MAC; ${outside === 0 ? "all inside their limits" : `${outside} OUTSIDE their limits`}`);
  if (bound) {
    const terms = Object.entries(bound.terms)
      .filter(([, v]) => v > 0)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ");
    lines.push(`Bound     no plan carries these in fewer than ${bound.bound} loads (${terms}); loads / bound = ${bound.bound > 0 ? (shown.length / bound.bound).toFixed(3) : "—"}`);
  }
  if (given.length > 0) {
    const loads = given.reduce((s, g) => s + g.loads, 0);
    const b = given.reduce((s, g) => s + g.bound.bound, 0);
    lines.push(
      `Given     the type and site of each load (all loads, with or without a load plan): no plan needs fewer than ${b} (${given.map((g) => `${g.type} from ${g.origin} ${g.loads}/${g.bound.bound}`).join(", ")}); loads / bound = ${b > 0 ? (loads / b).toFixed(3) : "—"}`,
    );
  }
  return lines.join("\n");
}

/** One aircraft: header, positions and floor in station order, seats, load and the balance scale. */
export function drawLoad(s: ShownLoad): string[] {
  const { sortie, leg, type, load } = s;
  const model = type.loadModel;
  if (!model) return [];
  const inch = (n: number) => String(Math.round(cmTo(cm(n), "in")));
  const lines = [`${sortie.id}  ${sortie.aircraft} (${type.id})  ${leg.from} → ${leg.to}  departs ${human(leg.departAt)}`];
  const held = new Map(load.positions.map((p) => [p.position, p]));
  const under = new Map<string, string>();
  for (const f of load.floor)
    for (const p of model.positions) {
      const span = positionSpan(model, p);
      if (span.from < f.to - 0.01 && f.from < span.to - 0.01) under.set(p.id, f.item);
    }
  const seated = new Map<string, string>();
  for (const z of load.seats.zones) for (const p of model.seatZones.find((x) => x.id === z.zone)?.positions ?? []) seated.set(p, `${z.zone} ${z.count} seated`);
  type Row = { station: number; text: string };
  const rows: Row[] = model.positions.map((p) => {
    const h = held.get(p.id);
    const what = h
      ? `▮ ${(h.pallet ?? h.item ?? "").padEnd(22)} ${kg(h.unit.weightKg).padStart(9)}  ${inch(h.unit.heightCm)} in high`
      : under.has(p.id)
        ? `═ under ${under.get(p.id)}`
        : seated.has(p.id)
          ? `☺ seats ${seated.get(p.id)}`
          : "· empty";
    const limit = `≤ ${kg(p.maxWeight)}, ${inch(p.maxHeight)} in`;
    return { station: p.station, text: `  ${inch(p.station).padStart(6)}  ${p.id.padEnd(4)} ${what.padEnd(52)} ${limit}` };
  });
  for (const f of load.floor)
    rows.push({
      station: f.from - 0.001,
      text: `  ${inch(f.from).padStart(6)}  floor ═ ${f.item.padEnd(22)} ${kg(f.unit.weightKg).padStart(9)}  FS ${inch(f.from)}–${inch(f.to)} in, ${inch(f.unit.heightCm)} in high`,
    });
  rows.sort((a, b) => a.station - b.station);
  lines.push(`  ${"FS in".padStart(6)}  pos  what`);
  for (const r of rows) lines.push(r.text);
  const seatText = load.seats.zones.map((z) => `${z.count} ${z.zone}`).join(", ");
  lines.push(`  Seats    ${load.seats.used} passengers${seatText ? ` (${seatText})` : ""}; ${load.margins.seats} seats left`);
  lines.push(`  Load     ${kg(load.totalKg)} of ${kg(load.allowableKg)} allowable (${kg(load.margins.payloadKg)} left); ${load.margins.positions} positions free`);
  lines.push(`  Balance  ${scale(load.cgPercentMac, load.envelope.forward, load.envelope.aft)}`);
  lines.push(
    `           CG ${pct(load.cgPercentMac)} %MAC, limits ${pct(load.envelope.forward)}–${pct(load.envelope.aft)}: ${pct(load.margins.cgLow)} aft of the forward limit, ${pct(load.margins.cgHigh)} forward of the aft limit`,
  );
  if (!load.ok) lines.push(`  OUTSIDE  ${load.reason ?? ""}`);
  return lines;
}

/** A %MAC scale with the limits as brackets and the centre of balance as a dot. */
export function scale(cg: number, forward: number, aft: number, width = 48): string {
  const lo = Math.min(forward - 5, cg - 1);
  const hi = Math.max(aft + 5, cg + 1);
  const at = (x: number) => Math.max(0, Math.min(width - 1, Math.round(((x - lo) / (hi - lo)) * (width - 1))));
  const bar = Array.from({ length: width }, () => "─");
  bar[at(forward)] = "[";
  bar[at(aft)] = "]";
  bar[at(cg)] = "●";
  return `${pct(lo)} ${bar.join("")} ${pct(hi)} %MAC`;
}

/** The loads as JSON: what the plan records, plus the margins checked again. */
function loadsJson(rs: ResolvedScenario, shown: readonly ShownLoad[], bound: LoadsBound | undefined, given: readonly LoadGroup[]) {
  const cgs = shown.map((s) => s.load.cgPercentMac);
  return {
    scenario: rs.scenario.id,
    loads: shown.map((s) => ({
      sortie: s.sortie.id,
      aircraft: s.sortie.aircraft,
      type: s.type.id,
      from: s.leg.from,
      to: s.leg.to,
      departAt: s.leg.departAt,
      ok: s.load.ok,
      ...(s.load.reason ? { reason: s.load.reason } : {}),
      loadPlan: s.leg.loadPlan,
      passengers: s.load.seats.used,
      totalKg: Math.round(s.load.totalKg * 1000) / 1000,
      allowableKg: Math.round(s.load.allowableKg * 1000) / 1000,
      cgPercentMac: Math.round(s.load.cgPercentMac * 100) / 100,
      envelope: s.load.envelope,
      margins: {
        payloadKg: Math.round(s.load.margins.payloadKg * 1000) / 1000,
        cgLow: Math.round(s.load.margins.cgLow * 100) / 100,
        cgHigh: Math.round(s.load.margins.cgHigh * 100) / 100,
        positions: s.load.margins.positions,
        seats: s.load.margins.seats,
      },
    })),
    summary: {
      loads: shown.length,
      insideLimits: shown.filter((s) => s.load.ok).length,
      cgPercentMac: shown.length > 0 ? { min: Math.min(...cgs), max: Math.max(...cgs) } : null,
      lowerBound: bound ?? null,
      lowerBoundGivenTypes: { bound: given.reduce((s, g) => s + g.bound.bound, 0), groups: given.map((g) => ({ type: g.type, origin: g.origin, loads: g.loads, bound: g.bound.bound, terms: g.bound.terms })) },
    },
  };
}
