/** The words of persons' presence, as English keys (translate with `t`). */
import { msg } from "../../i18n/msg.ts";

export const PRESENCE_STATUSES: Readonly<Record<string, string>> = {
  not_entered: msg("Not entered"),
  in_country: msg("In the country"),
  left: msg("Left"),
};

/** The parts of the reconciliation, with what each means. */
export const PART_WORDS: Readonly<Record<string, { readonly title: string; readonly help: string }>> = {
  leftUnrecorded: { title: msg("Left unrecorded"), help: msg("On the manifest of a departed movement, but no exit recorded on it.") },
  exitWithoutManifest: { title: msg("Exit without a manifest"), help: msg("An exit recorded on a movement whose manifest does not list the person, or that has not departed.") },
  inCountry: { title: msg("Still in the country"), help: msg("By the records: where, and since when.") },
  left: { title: msg("Left the country"), help: msg("The exit's movement and time.") },
  neverEntered: { title: msg("Never entered"), help: msg("Registered, but no entry recorded.") },
  unknownPersons: { title: msg("Unknown persons"), help: msg("Records about persons who are not registered.") },
};
