import type { ScenarioInput } from "#domain/scenario.ts";
import { formatDay, formatInstant, instant, MINUTES_PER_DAY } from "#domain/time.ts";
import {
  type AirfieldLoad,
  addLoads,
  airliftModel,
  dailyWorthPerAircraft,
  flyingDays,
  LoadTally,
  type SiteLoad,
  sortiesFor,
  totalSorties,
} from "./airlift-estimate.ts";
import { apportion } from "./apportion.ts";
import { CHARTER_FREIGHTER, fourTypeCounts } from "./charter-fleet.ts";
import { CARGO_CLASSES, type CargoMix, DEFAULT_CARGO_MIX } from "./cargo-catalogue.ts";
import { type CargoLineInput, generateSiteCargo } from "./cargo-lines.ts";
import { type HostSitePlan, layoutGeography } from "./host-geography.ts";
import {
  assumed,
  closingTeamSize,
  escortBudget,
  type PersonnelGroupInput,
  siteGroups,
} from "./personnel-groups.ts";
import { createRng, type Rng } from "./rng.ts";

/** What to generate. Counts are exact; everything else is drawn from the seed. */
export interface GeneratorOptions {
  /** People in the host country, exactly (sum of all personnel groups). */
  readonly personnel: number;
  /** Pieces of cargo, exactly (sum of the cargo lines' quantities, including what is left behind). */
  readonly items: number;
  /** Sites in the host country (at least one: the main air base). */
  readonly sites: number;
  /** Any safe integer; the same seed gives the same scenario. */
  readonly seed: number;
  /** Days from the start of the withdrawal to the deadline. Absent: twice the estimated need plus lead times. */
  readonly days?: number;
  /** Aircraft in the fleet, about two in three C-17A. Absent: enough for about a month of flying. */
  readonly aircraft?: number;
  /** Host sites without a runway, served by road. Absent: about one in five beyond the first two. */
  readonly roadSites?: number;
  /** Share of pieces by class. Absent: `DEFAULT_CARGO_MIX`. */
  readonly mix?: CargoMix;
  /** Short name for the scenario id, e.g. `small` gives `synthetic-small-1`. */
  readonly label?: string;
  /**
   * Aircraft types: 2 (C-17A and C-130J-30, the default) or 4 (also a chartered Il-76TD-class freighter
   * and a passenger charter, as a UN mission hires them).
   */
  readonly types?: 2 | 4;
}

/** What a generated scenario holds and the estimate behind its deadline. */
export interface GeneratorSummary {
  readonly personnel: number;
  readonly pieces: number;
  /** Weight of every piece, and of those that leave the country, kg. */
  readonly totalKg: number;
  readonly withdrawKg: number;
  readonly cargoLines: number;
  readonly hostSites: number;
  readonly airfields: number;
  readonly roadSites: number;
  readonly destinations: number;
  readonly c17: number;
  readonly c130: number;
  /** Estimated C-17 sorties (cargo and people), before slack. */
  readonly sorties: number;
  /** Days the estimate needs (flying, clearance lead time, road transit), without the doubling. */
  readonly neededDays: number;
  /** Days to the deadline. */
  readonly days: number;
}

/** Flying days the default fleet is sized for. */
const TARGET_FLYING_DAYS = 30;
/** Share of C-17s in the fleet; the rest are C-130J-30s. */
const C17_SHARE = 0.65;
/** Shortest deadline the generator sets. */
const MIN_DAYS = 14;
/** Host clearance lead, working days: the first sorties wait up to this plus a weekend. */
const HOST_LEAD_WORKING_DAYS = 3;
/** Sites beyond this would run out of two-letter ICAO suffixes and names to tell apart. */
const MAX_SITES = 500;
/** Stream numbers, so that each part of the scenario draws from its own sequence. */
const STREAM = { geography: 1, people: 2, fleet: 3, roads: 4, dates: 5, cargo: 1000 } as const;

/**
 * Crews of a generated fleet entry: one spare crew per aircraft waits at each destination, so that an
 * aircraft back from a sortie leaves again with a rested crew while its own rests (crew staging).
 */
function stagedCrews(complement: "basic" | "augmented", aircraft: number, destinations: readonly { readonly id: string }[]) {
  return { complement, staged: destinations.map((d) => ({ site: d.id, count: assumed(aircraft) })) };
}

/** The planning epoch: withdrawals start within a year of this Monday. */
const EPOCH_DAY = Date.UTC(2025, 0, 6) / 60_000;

function check(name: string, value: number | undefined, min: number, max = Number.MAX_SAFE_INTEGER): void {
  if (value === undefined) return;
  if (!Number.isSafeInteger(value) || value < min || value > max)
    throw new RangeError(`${name} must be a whole number in [${min}, ${max}], got ${value}`);
}

function validateOptions(o: GeneratorOptions): void {
  check("personnel", o.personnel, 0);
  check("items", o.items, 0);
  check("sites", o.sites, 1, MAX_SITES);
  check("seed", o.seed, Number.MIN_SAFE_INTEGER);
  check("days", o.days, 1, 3650);
  check("aircraft", o.aircraft, 1, 10_000);
  check("roadSites", o.roadSites, 0, o.sites - 1);
  if (o.types !== undefined && o.types !== 2 && o.types !== 4) throw new RangeError(`types must be 2 or 4, got ${String(o.types)}`);
  if (o.mix) {
    const values = CARGO_CLASSES.map((c) => o.mix?.[c] ?? Number.NaN);
    if (values.some((v) => !(v >= 0) || !Number.isFinite(v)) || values.every((v) => v === 0))
      throw new RangeError("mix needs a finite share ≥ 0 for every class, not all zero");
  }
  if (o.label !== undefined && !/^[a-z0-9][a-z0-9-]*$/.test(o.label))
    throw new RangeError(`label must be lower-case letters, digits and -, got "${o.label}"`);
}

/**
 * Generates a synthetic withdrawal scenario in the file format: pure and deterministic (same
 * options, same scenario), valid against the scenario schema, and feasible with slack: the fleet
 * and the deadline are sized from a pessimistic estimate of the sorties the cargo and people need.
 *
 * @example
 * const scenario = generateScenario({ personnel: 200, items: 1000, sites: 4, seed: 7 });
 * parseScenarioValue(scenario).ok; // true
 */
export function generateScenario(opts: GeneratorOptions): ScenarioInput {
  return generateWithSummary(opts).scenario;
}

/** As `generateScenario`, with a summary of what was generated and the estimate behind the deadline. */
export function generateWithSummary(opts: GeneratorOptions): {
  scenario: ScenarioInput;
  summary: GeneratorSummary;
} {
  validateOptions(opts);
  const { personnel, items, sites, seed } = opts;
  const mix = opts.mix ?? DEFAULT_CARGO_MIX;
  const roadSites = opts.roadSites ?? Math.max(0, Math.round((sites - 2) / 5));
  const rng = (stream: number): Rng => createRng(seed, stream);

  const geo = layoutGeography(rng(STREAM.geography), sites, roadSites);
  const model = airliftModel(geo.longestLegKm);
  const hosts = geo.hosts;

  // People and pieces over the sites, then each site's cargo and groups.
  const peopleBySite = apportion(
    personnel,
    hosts.map((h) => h.peopleWeight),
  );
  const piecesBySite = apportion(
    items,
    hosts.map((h) => h.cargoWeight),
  );
  const cargo: CargoLineInput[] = [];
  const groups: PersonnelGroupInput[] = [];
  const closingTeams: ScenarioInput["closingTeams"] = [];
  const loads: SiteLoad[] = [];
  const peopleRng = rng(STREAM.people);
  hosts.forEach((h, i) => {
    const people = peopleBySite[i] ?? 0;
    const closing = closingTeamSize(people);
    // Sensitive cargo only where aircraft land: a convoy's escort could not also cover the sorties onward.
    const budget = h.icao ? escortBudget(people, closing) : 0;
    const tally = new LoadTally(model.c130PayloadKg);
    const siteCargo = generateSiteCargo(
      rng(STREAM.cargo + i),
      { site: h.id, pieces: piecesBySite[i] ?? 0, mix, escortBudget: budget },
      tally,
    );
    // A loop, not push(...lines): a site with a million lines would overflow the argument list.
    for (const line of siteCargo.lines) cargo.push(line);
    groups.push(
      ...siteGroups({ site: h.id, people, closing, escorts: siteCargo.escorts, main: h.kind === "base" }),
    );
    const minimum = Math.max(0, closing - peopleRng.int(0, Math.floor(closing / 4)));
    closingTeams.push({ site: h.id, minimum: assumed(minimum) });
    tally.people = people;
    loads.push(tally.result());
  });

  // Airfields carry their own load and that of the road hubs feeding them; aprons sized to match.
  const fleetRng = rng(STREAM.fleet);
  const fed = new Map<number, SiteLoad>();
  hosts.forEach((h, i) => {
    const own = loads[i];
    if (!own) return;
    const target = h.feeds ? h.feeds.airfield : i;
    const prev = fed.get(target);
    fed.set(target, prev ? addLoads(prev, own) : own);
  });
  const airfieldHosts = hosts.filter((h) => h.icao);
  const busiest = Math.max(1, ...airfieldHosts.map((h) => sortiesFor(fed.get(h.index) ?? emptyLoad).all));
  const airfieldLoads: AirfieldLoad[] = [];
  const parking = new Map<number, { heavy: number; medium: number }>();
  for (const h of airfieldHosts) {
    const load = fed.get(h.index) ?? emptyLoad;
    const rel = sortiesFor(load).all / busiest;
    const heavy = clampInt(1 + Math.round(3 * rel) - fleetRng.int(0, 1), 1, 4);
    const medium = clampInt(2 + Math.round(4 * rel) - fleetRng.int(0, 1), 2, 6);
    parking.set(h.index, { heavy, medium });
    airfieldLoads.push({ load, heavySpots: heavy, mediumSpots: medium, openMinutes: openMinutes(h) });
  }

  const sorties = totalSorties(airfieldLoads);
  const aircraft =
    opts.aircraft ??
    clampInt(Math.ceil(sorties / (TARGET_FLYING_DAYS * dailyWorthPerAircraft(model, C17_SHARE))), 2, 400);
  const four = opts.types === 4 && aircraft >= 4 ? fourTypeCounts(aircraft) : undefined;
  const c17 = four ? four.c17 : Math.max(1, Math.round(aircraft * C17_SHARE));
  const c130 = four ? four.c130 : aircraft - c17;

  // Road routes: rate first (the deadline needs their transit time), trucks once the deadline is known.
  const roadRng = rng(STREAM.roads);
  const roads = hosts.flatMap((h) => {
    if (!h.feeds) return [];
    const everyDay = roadRng.chance(0.7);
    return [
      {
        host: h,
        ratePerDay: roadRng.int(150, 300),
        truckPayload: roadRng.pick([15_000, 18_000, 20_000]),
        truckPallets: roadRng.int(2, 4),
        seatsPerTruck: roadRng.int(2, 3),
        windows: roadRng.chance(0.5)
          ? [{ start: "05:00", end: "09:00" }]
          : [
              { start: "05:00", end: "08:00" },
              { start: "14:00", end: "16:00" },
            ],
        weekdays: everyDay ? undefined : (["mon", "tue", "wed", "thu", "fri", "sat"] as const),
      },
    ];
  });
  const roadDays = Math.max(
    0,
    ...roads.map((r) => Math.ceil((r.host.feeds?.roadKm ?? 0) / r.ratePerDay) + 1),
  );
  // The first sorties wait for the host's lead time in working days, a weekend possibly in between.
  const leadDays = HOST_LEAD_WORKING_DAYS + 3;
  const flying = flyingDays(model, airfieldLoads, { c17, c130 });
  const neededDays = Math.ceil(flying) + leadDays + roadDays;
  const days = opts.days ?? Math.max(MIN_DAYS, Math.ceil(2 * flying) + leadDays + roadDays);

  const roadRoutes: ScenarioInput["roadRoutes"] = roads.map((r) => {
    const feeds = r.host.feeds;
    const load = loads[r.host.index] ?? emptyLoad;
    const roadKm = feeds?.roadKm ?? 0;
    // Trips a convoy season needs, counting people apart from cargo, and the trips one truck makes
    // in the first third of the period (out, back, wait for the next escort window).
    const trips =
      Math.ceil(load.positions / r.truckPallets) +
      Math.ceil(load.kg / r.truckPayload) +
      Math.ceil(load.people / r.seatsPerTruck) +
      1;
    const cycleDays = Math.ceil((2 * roadKm) / r.ratePerDay + 1);
    const activeDays = Math.max(3, Math.floor(days / 3)) * (r.weekdays ? 6 / 7 : 1);
    const tripsPerTruck = Math.max(1, Math.floor(activeDays / cycleDays));
    const trucks = Math.max(4, Math.ceil(trips / tripsPerTruck));
    const airfield = hosts[feeds?.airfield ?? 0];
    return {
      id: `${r.host.id}-${airfield?.id ?? ""}`.toLowerCase(),
      from: r.host.id,
      to: airfield?.id ?? "",
      distance: roadKm,
      ratePerDay: r.ratePerDay,
      trucks,
      truckPayload: r.truckPayload,
      truckPallets: r.truckPallets,
      seatsPerTruck: r.seatsPerTruck,
      convoysPerDay: r.windows.length,
      escortWindows: r.windows.map((w) => (r.weekdays ? { weekdays: [...r.weekdays], ...w } : { ...w })),
    };
  });

  // Dates: a start within a year of the epoch, the deadline `days` later (one minute before midnight).
  const dateRng = rng(STREAM.dates);
  const start = instant(EPOCH_DAY + dateRng.int(0, 364) * MINUTES_PER_DAY);
  const deadline = instant(start + days * MINUTES_PER_DAY - 1);
  const signedOn = formatDay(instant(start - dateRng.int(3, 30) * MINUTES_PER_DAY));
  const fleetUntil = formatInstant(instant(deadline + 3 * MINUTES_PER_DAY));
  const window = [{ from: formatInstant(start), to: fleetUntil }];
  const base = geo.destinations[0];
  if (!base) throw new Error("bug: no destination");

  const biggest = airfieldHosts.reduce((a, b) =>
    (peopleBySite[b.index] ?? 0) > (peopleBySite[a.index] ?? 0) ? b : a,
  );
  const weekdays = [
    ...new Set([
      fleetRng.pick(["mon", "tue"] as const),
      fleetRng.pick(["wed", "thu"] as const),
      fleetRng.pick(["fri", "sat"] as const),
    ]),
  ];
  const seatsPerFlight = fleetRng.int(20, 60);

  const scenario: ScenarioInput = {
    formatVersion: 1,
    id: `synthetic-${opts.label ?? `${personnel}p-${items}i-${sites}s`}-${seed < 0 ? `m${-seed}` : seed}`,
    name: `Synthetic withdrawal: ${personnel} personnel, ${items} pieces, ${sites} sites (seed ${seed})`,
    description:
      "Generated by src/generate: every place, unit and figure is invented. Deterministic from its seed.",
    agreement: {
      title: "Synthetic disengagement agreement",
      parties: [
        { code: "DP", name: "Departing Party", role: "departing", country: "XD" },
        { code: "HP", name: "Host Party", role: "host", country: "XH" },
      ],
      signedOn,
      signedAt: "Capital",
      withdrawalStart: formatInstant(start),
      deadline: formatInstant(deadline),
      terms: [
        "All personnel and equipment leave by the deadline.",
        "Military flights need landing and overflight clearance.",
        "Convoys move only inside the host's escort windows.",
      ],
      headcountReports: [
        { value: personnel, qualifier: "exactly", source: "synthetic generator", asOf: signedOn },
      ],
    },
    sites: [
      ...hosts.map((h) => hostSite(h, parking.get(h.index))),
      ...geo.destinations.map((d) => ({
        id: d.id,
        name: d.name,
        icao: d.icao,
        location: { lat: d.lat, lon: d.lon },
        kind: "destination" as const,
        country: "XD",
        inHostCountry: false,
      })),
    ],
    personnel: groups,
    closingTeams,
    cargo,
    ...(four ? { aircraftTypes: [CHARTER_FREIGHTER] } : {}),
    fleet: [
      { id: "C17", type: "C-17A", count: c17, base: base.id, availability: window, crew: stagedCrews("basic", c17, geo.destinations) },
      ...(c130 > 0
        ? [{ id: "C130", type: "C-130J-30", count: c130, base: base.id, availability: window, crew: stagedCrews("augmented", c130, geo.destinations) }]
        : []),
      ...(four
        ? [
            { id: "IL76", type: CHARTER_FREIGHTER.id, count: four.freighter, base: base.id, availability: window, crew: stagedCrews("augmented", four.freighter, geo.destinations) },
            { id: "PAX", type: "PAX-CHARTER", count: four.passenger, base: base.id, availability: window, crew: stagedCrews("augmented", four.passenger, geo.destinations) },
          ]
        : []),
    ],
    commercial: [
      {
        id: "airline",
        airport: biggest.id,
        airline: "Regional airline",
        weekdays,
        departureTime: "09:30",
        seatsPerFlight: assumed(seatsPerFlight),
        eligible: ["support"],
      },
    ],
    airLegs: airfieldHosts.flatMap((h) =>
      geo.destinations.map((d) => ({ from: h.id, to: d.id, overflies: ["XH", ...d.transit, "XD"] })),
    ),
    roadRoutes,
    clearanceRules: [
      {
        country: "XH",
        landing: {
          leadTime: { value: HOST_LEAD_WORKING_DAYS, unit: "working_days" },
          validBefore: 360,
          validAfter: 1440,
        },
        overflight: {
          leadTime: { value: HOST_LEAD_WORKING_DAYS, unit: "working_days" },
          validBefore: 360,
          validAfter: 1440,
        },
      },
      {
        country: "XT",
        overflight: {
          leadTime: { value: fleetRng.pick([24, 48, 72]), unit: "hours" },
          validBefore: 720,
          validAfter: 720,
        },
      },
    ],
  };

  let pieces = 0;
  let totalKg = 0;
  let withdrawKg = 0;
  for (const c of cargo) {
    const kg = c.quantity * (typeof c.unitWeight === "number" ? c.unitWeight : 0);
    pieces += c.quantity;
    totalKg += kg;
    if (c.disposition === undefined || c.disposition === "withdraw") withdrawKg += kg;
  }
  return {
    scenario,
    summary: {
      personnel,
      pieces,
      totalKg,
      withdrawKg,
      cargoLines: cargo.length,
      hostSites: hosts.length,
      airfields: airfieldHosts.length,
      roadSites: hosts.length - airfieldHosts.length,
      destinations: geo.destinations.length,
      c17,
      c130,
      sorties,
      neededDays,
      days,
    },
  };
}

const emptyLoad: SiteLoad = { kg: 0, positions: 0, c17OnlyKg: 0, c17OnlyPositions: 0, people: 0 };

const clampInt = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

function openMinutes(h: HostSitePlan): number {
  if (!h.hours) return MINUTES_PER_DAY;
  const m = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
  return (m(h.hours.close) - m(h.hours.open) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
}

function hostSite(
  h: HostSitePlan,
  parking: { heavy: number; medium: number } | undefined,
): ScenarioInput["sites"][number] {
  return {
    id: h.id,
    name: h.name,
    ...(h.icao ? { icao: h.icao } : {}),
    location: { lat: h.lat, lon: h.lon },
    kind: h.kind,
    country: "XH",
    inHostCountry: true,
    ...(parking ? { parking } : {}),
    ...(h.hours ? { operatingHours: { ...h.hours } } : {}),
  };
}

// The module's public surface in one import: `#generate/generate.ts`.
export { type CargoMix, DEFAULT_CARGO_MIX } from "./cargo-catalogue.ts";
export { GENERATOR_PRESETS, type GeneratorPresetName, MINUSMA_MIX } from "./presets.ts";
