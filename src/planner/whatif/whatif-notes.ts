/**
 * The notes of a what-if comparison — what a variation did where that is not obvious, and the sites
 * it left without a way out — as coded English templates (`{{placeholders}}`). Each note starts
 * with the variation it is about, as `describeVariation` writes it (`deny DZ: …`), so that label's
 * values are the note's values too and a page can say the whole note in its language. The web app
 * has the French of each code (web/src/i18n/fr-whatif-codes.ts; a test checks every code is there).
 */
import { type CodedMessage, messageSayer } from "#domain/coded-message.ts";
import type { ResolvedScenario } from "#domain/scenario-model.ts";
import { formatHuman, type Instant } from "#domain/time.ts";
import { stranded } from "./ways-out.ts";

export const WHATIF_NOTES = {
  "whatif.note.fleet.new_entry": "{{type}} {{delta}}: new fleet entry {{entry}} at {{base}}, available as fleet {{template}}",
  "whatif.note.fleet.none_left": "{{type}} {{delta}}: only {{total}} to remove: none left",
  "whatif.note.clearance_delay.country_both": "clearance delay {{target}} +{{hours}} h: landing and overflight clearances of {{target}} need {{hours}} h more notice",
  "whatif.note.clearance_delay.country_landing": "clearance delay {{target}} +{{hours}} h: landing clearances of {{target}} need {{hours}} h more notice",
  "whatif.note.clearance_delay.country_overflight": "clearance delay {{target}} +{{hours}} h: overflight clearances of {{target}} need {{hours}} h more notice",
  "whatif.note.clearance_delay.airfield": "clearance delay {{target}} +{{hours}} h: landing clearances of {{country}} need {{hours}} h more notice",
  "whatif.note.clearance_delay.airfield_shared":
    "clearance delay {{target}} +{{hours}} h: landing clearances of {{country}} need {{hours}} h more notice (clearances are per country: landings at {{others}} are delayed too)",
  "whatif.note.deny.nothing": "deny {{country}}: no air leg crosses {{country}}: nothing changes",
  "whatif.note.deny.legs_removed": "deny {{country}}: {{removed}} of {{legs}} air legs removed ({{which}})",
  "whatif.note.deny.fleet_grounded": "deny {{country}}: fleet {{fleets}} is based in {{country}}: its aircraft cannot take off",
  "whatif.note.deadline.days_later": "deadline {{at}}: {{days}} days later",
  "whatif.note.deadline.days_earlier": "deadline {{at}}: {{days}} days earlier",
  "whatif.note.deadline.hours_later": "deadline {{at}}: {{hours}} h later",
  "whatif.note.deadline.hours_earlier": "deadline {{at}}: {{hours}} h earlier",
  "whatif.note.deadline.availability_stretched": "deadline {{at}}: availability of fleet {{fleets}} ran until the deadline and now runs until the new one",
  "whatif.note.deadline.personnel_one": "deadline {{at}}: 1 personnel group whose latest departure was the deadline may now leave until the new one",
  "whatif.note.deadline.personnel_many": "deadline {{at}}: {{groups}} personnel groups whose latest departure was the deadline may now leave until the new one",
  "whatif.note.aircraft_out.missed": "{{count}} of {{fleet}} out of service: the outage misses every availability window of {{fleet}}: nothing changes",
  "whatif.note.aircraft_out.missed_span": "{{count}} of {{fleet}} out of service {{from}} to {{to}}: the outage misses every availability window of {{fleet}}: nothing changes",
  "whatif.note.aircraft_out.all": "{{count}} of {{fleet}} out of service: out for all of {{fleet}}'s availability",
  "whatif.note.aircraft_out.all_span": "{{count}} of {{fleet}} out of service {{from}} to {{to}}: out for all of {{fleet}}'s availability",
  "whatif.note.aircraft_out.split": "{{count}} of {{fleet}} out of service: flown as fleet {{entry}}, whose availability leaves out the outage",
  "whatif.note.aircraft_out.split_span": "{{count}} of {{fleet}} out of service {{from}} to {{to}}: flown as fleet {{entry}}, whose availability leaves out the outage",
  "whatif.note.stranded": "{{site}} has no military way out: no air leg or road route leads from {{site}} out of the host country",
  "whatif.note.stranded_reaching": "{{site}} has no military way out: no air leg or road route leads from {{site}} out of the host country (it reaches only {{reaches}})",
} as const;

/**
 * Says one what-if note.
 *
 * @example
 * sayWhatIf("whatif.note.deny.nothing", { country: "ML" }).text; // "deny ML: no air leg crosses ML: nothing changes"
 */
export const sayWhatIf = messageSayer(WHATIF_NOTES);

/** The values of a fleet change's label (`C-17A +2`), as `describeVariation` writes it. */
export const fleetLabel = (type: string, delta: number) => ({ type, delta: delta >= 0 ? `+${delta}` : `−${-delta}` });

/** The span of an outage's label: its start and end, `…` for an open end. */
export const outageSpan = (from: Instant | undefined, to: Instant | undefined) => ({
  from: from === undefined ? "…" : formatHuman(from),
  to: to === undefined ? "…" : formatHuman(to),
});

/**
 * A note for each host site with people or cargo that the variations left without a way out (sites
 * already without one in the scenario as it is are not the variations' doing).
 *
 * @example
 * strandedNotes(niger, denyDz).map((n) => n.text); // ["NIAMEY has no military way out: …", "AGADEZ has no military way out: …"]
 */
export function strandedNotes(before: ResolvedScenario, after: ResolvedScenario): CodedMessage[] {
  const already = new Set(stranded(before).map((s) => s.site));
  return stranded(after)
    .filter((s) => !already.has(s.site))
    .map((s) => (s.reaches.length > 0 ? sayWhatIf("whatif.note.stranded_reaching", { site: s.site, reaches: s.reaches.join(", ") }) : sayWhatIf("whatif.note.stranded", { site: s.site })));
}
