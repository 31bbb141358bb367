/** The words of movements' kinds and statuses, as English keys (translate with `t`). */
import { msg } from "../i18n/msg.ts";

export const MOVEMENT_KINDS: Readonly<Record<string, string>> = { sortie: msg("Sortie"), convoy: msg("Convoy"), commercial: msg("Airline seats") };

export const MOVEMENT_STATUSES: Readonly<Record<string, string>> = {
  planned: msg("planned"),
  scheduled: msg("scheduled"),
  cleared: msg("cleared"),
  departed: msg("departed"),
  arrived: msg("arrived"),
  cancelled: msg("cancelled"),
};
