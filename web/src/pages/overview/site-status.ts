/** The words of a site's (or the withdrawal's) status against the deadline, as English keys. */
import { msg } from "../../i18n/msg.ts";

export const SITE_STATUS: Readonly<Record<string, string>> = {
  closed: msg("Closed"),
  on_track: msg("On track"),
  at_risk: msg("At risk"),
  late: msg("Late"),
};
