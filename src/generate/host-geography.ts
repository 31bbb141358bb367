import { greatCircleKm } from "#domain/geo.ts";
import type { Rng } from "./rng.ts";

/** The made-up host country: a box in the Sahel's latitudes, about 1,100 × 1,600 km. */
export const HOST_BOX = { latMin: 10, latMax: 20, lonMin: 0, lonMax: 15 } as const;
/** Where destinations lie: far enough north that every leg from the box is 2,000–4,500 km. */
const DEST_BOX = { latMin: 38.5, latMax: 43, lonMin: 2, lonMax: 12 } as const;
/** Length of every host-airfield–destination leg, km. */
export const LEG_KM = { min: 2000, max: 4500 } as const;

/** Airfields closer than this are re-drawn, so that sites look spread over the country. */
const MIN_SEPARATION_KM = 60;

/** A host-country site before it is written out. */
export interface HostSitePlan {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly kind: "base" | "airfield" | "road_hub";
  /** Four letters, for airfields only. */
  readonly icao?: string;
  readonly lat: number;
  readonly lon: number;
  /** For a road hub: the index of the airfield its convoys drive to, and the road distance. */
  readonly feeds?: { readonly airfield: number; readonly roadKm: number };
  /** Relative share of the force's people and of its cargo. */
  readonly peopleWeight: number;
  readonly cargoWeight: number;
  /** UTC opening hours, when the field is not open around the clock. */
  readonly hours?: { readonly open: string; readonly close: string };
}

/** A destination outside the host country, with the transit countries its legs cross. */
export interface DestinationPlan {
  readonly id: string;
  readonly name: string;
  readonly icao: string;
  readonly lat: number;
  readonly lon: number;
  readonly transit: readonly string[];
}

/** The laid-out sites of a scenario. */
export interface Geography {
  readonly hosts: readonly HostSitePlan[];
  readonly destinations: readonly DestinationPlan[];
  /** The longest host-airfield–destination great circle, km. */
  readonly longestLegKm: number;
}

const SYLLABLES = [
  "ka",
  "ta",
  "mo",
  "ga",
  "bu",
  "ni",
  "ri",
  "sa",
  "lo",
  "de",
  "ke",
  "ma",
  "fa",
  "tin",
  "bou",
  "kel",
  "ar",
  "ou",
  "za",
  "di",
  "ra",
  "men",
  "go",
  "tes",
];

function placeName(rng: Rng): string {
  let s = "";
  const n = rng.int(2, 3);
  for (let i = 0; i < n; i++) s += rng.pick(SYLLABLES);
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

function shuffle<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    const a = items[i] as T;
    items[i] = items[j] as T;
    items[j] = a;
  }
  return items;
}

/** A point `distanceKm` from (lat, lon) on a bearing, on a flat-earth approximation (short distances). */
function offset(lat: number, lon: number, distanceKm: number, bearing: number): { lat: number; lon: number } {
  const dLat = (distanceKm * Math.cos(bearing)) / 111.2;
  const dLon = (distanceKm * Math.sin(bearing)) / (111.2 * Math.cos((lat * Math.PI) / 180));
  return { lat: lat + dLat, lon: lon + dLon };
}

/**
 * Lays out `sites` host sites (the first a main base, `roadSites` of the others road hubs fed
 * from a nearby airfield, never the first) and one or two destinations.
 */
export function layoutGeography(rng: Rng, sites: number, roadSites: number): Geography {
  const roadIndex = new Set(
    shuffle(
      rng,
      Array.from({ length: Math.max(0, sites - 2) }, (_, i) => i + 2),
    )
      // Only when more road hubs are asked for than sites beyond the first two does the second become one.
      .concat(sites > 1 ? [1] : [])
      .slice(0, roadSites),
  );
  const usedIds = new Set<string>();
  const usedIcao = new Set<string>();
  const uniqueId = (base: string, i: number) => {
    const id = usedIds.has(base) ? `${base}-${i + 1}` : base;
    usedIds.add(id);
    return id;
  };
  const icaoFor = (name: string, i: number) => {
    const letters = name.toUpperCase().replace(/[^A-Z]/g, "");
    let code = `XH${letters.slice(0, 2)}`;
    // Fall back to a code from the site's index: AA, AB, … (676 codes, more than any scenario has sites).
    for (let k = i; usedIcao.has(code) || code.length !== 4; k++)
      code = `XH${String.fromCharCode(65 + (Math.floor(k / 26) % 26))}${String.fromCharCode(65 + (k % 26))}`;
    usedIcao.add(code);
    return code;
  };

  const hosts: HostSitePlan[] = [];
  const airfields: HostSitePlan[] = [];
  for (let i = 0; i < sites; i++) {
    if (roadIndex.has(i)) continue;
    const name = placeName(rng);
    let lat = 0;
    let lon = 0;
    for (let attempt = 0; attempt < 20; attempt++) {
      lat = round2(rng.real(HOST_BOX.latMin, HOST_BOX.latMax));
      lon = round2(rng.real(HOST_BOX.lonMin, HOST_BOX.lonMax));
      const p = { lat, lon };
      if (airfields.every((a) => greatCircleKm(a, p) >= MIN_SEPARATION_KM)) break;
    }
    const main = i === 0;
    const hours =
      !main && rng.chance(0.35)
        ? rng.pick([
            { open: "06:00", close: "22:00" },
            { open: "05:00", close: "21:00" },
            { open: "07:00", close: "19:00" },
          ])
        : undefined;
    const site: HostSitePlan = {
      index: i,
      id: uniqueId(name.toUpperCase(), i),
      name: main ? `${name} Air Base` : `${name} Airfield`,
      kind: main ? "base" : "airfield",
      icao: icaoFor(name, i),
      lat,
      lon,
      peopleWeight: main ? 3 : rng.real(0.8, 2),
      cargoWeight: main ? 3 : rng.real(0.6, 1.8),
      ...(hours ? { hours } : {}),
    };
    airfields.push(site);
    hosts.push(site);
  }
  for (let i = 0; i < sites; i++) {
    if (!roadIndex.has(i)) continue;
    const name = placeName(rng);
    const parent = rng.pick(airfields);
    const p = offset(parent.lat, parent.lon, rng.real(60, 250), rng.real(0, 2 * Math.PI));
    const lat = round2(clamp(p.lat, HOST_BOX.latMin, HOST_BOX.latMax));
    const lon = round2(clamp(p.lon, HOST_BOX.lonMin, HOST_BOX.lonMax));
    // Roads wind: 20–50 % longer than the great circle, and never trivially short.
    const roadKm = Math.max(20, Math.round(greatCircleKm(parent, { lat, lon }) * rng.real(1.2, 1.5)));
    hosts.push({
      index: i,
      id: uniqueId(name.toUpperCase(), i),
      name: `Camp ${name}`,
      kind: "road_hub",
      lat,
      lon,
      feeds: { airfield: parent.index, roadKm },
      peopleWeight: rng.real(0.25, 0.5),
      cargoWeight: rng.real(0.3, 0.8),
    });
  }
  hosts.sort((a, b) => a.index - b.index);

  const destNames = [
    { id: "HOME", name: "Home Air Base", icao: "XDHA" },
    { id: "STAGING", name: "Staging Air Base", icao: "XDSB" },
  ];
  const destinations: DestinationPlan[] = destNames.slice(0, rng.int(1, 2)).map((d) => ({
    ...d,
    lat: round2(rng.real(DEST_BOX.latMin, DEST_BOX.latMax)),
    lon: round2(rng.real(DEST_BOX.lonMin, DEST_BOX.lonMax)),
    transit: rng.chance(0.5) ? ["XT"] : ["XT", "XU"],
  }));

  let longestLegKm = 0;
  for (const a of airfields)
    for (const d of destinations) {
      const leg = greatCircleKm(a, d);
      // The boxes are chosen so that this cannot happen; a failure means they were changed.
      if (leg < LEG_KM.min || leg > LEG_KM.max)
        throw new Error(`bug: leg ${a.id}–${d.id} is ${Math.round(leg)} km`);
      longestLegKm = Math.max(longestLegKm, leg);
    }
  return { hosts, destinations, longestLegKm };
}
