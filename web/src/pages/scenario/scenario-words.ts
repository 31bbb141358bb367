/** The words of the Scenario page's data, as English keys (translate with `t`). */
import { msg } from "../../i18n/msg.ts";

export const SITE_KINDS: Readonly<Record<string, string>> = { base: msg("Base"), airfield: msg("Airfield"), road_hub: msg("Road hub"), destination: msg("Destination") };

export const PERSONNEL_CATEGORIES: Readonly<Record<string, string>> = {
  support: msg("support"),
  security: msg("security"),
  aircrew: msg("aircrew"),
  maintenance: msg("maintenance"),
  sensitive_duty: msg("sensitive duty"),
  closing_team: msg("closing team"),
};

export const CARGO_KINDS: Readonly<Record<string, string>> = {
  box: msg("box"),
  rolling_stock: msg("rolling stock"),
  container: msg("container"),
  outsize: msg("outsize"),
  pallet: msg("pallet"),
};

export const DISPOSITIONS: Readonly<Record<string, string>> = { withdraw: msg("withdraw"), handover: msg("hand over"), dispose: msg("dispose of") };

export const CREW_COMPLEMENTS: Readonly<Record<string, string>> = { basic: msg("basic crew"), augmented: msg("augmented crew") };

export const PARTY_ROLES: Readonly<Record<string, string>> = { departing: msg("departing party"), host: msg("host") };

export const CLEARANCE_KINDS: Readonly<Record<string, string>> = { landing: msg("landing"), overflight: msg("overflight") };

/** Units as the scenario file writes them, where they need words. */
export const UNIT_WORDS: Readonly<Record<string, string>> = { working_days: msg("working days"), hours: msg("hours"), days: msg("days"), minutes: msg("minutes") };

export const WEEKDAYS: Readonly<Record<string, string>> = {
  mon: msg("Mon"),
  tue: msg("Tue"),
  wed: msg("Wed"),
  thu: msg("Thu"),
  fri: msg("Fri"),
  sat: msg("Sat"),
  sun: msg("Sun"),
};
