/** The report's words for states and kinds, as English keys (translate with `t`). */
import { msg } from "../../i18n/msg.ts";

/** Clearance requests' states. */
export const CLEARANCE_STATES: Readonly<Record<string, string>> = {
  draft: msg("Draft"),
  submitted: msg("Submitted"),
  resubmitted: msg("Resubmitted"),
  amended: msg("Amended by the host"),
  approved: msg("Approved"),
  denied: msg("Denied"),
  cancelled: msg("Cancelled"),
  expired: msg("Expired"),
};

/** What the scenario intends for a cargo line. */
export const DISPOSITION_INTENTS: Readonly<Record<string, string>> = {
  withdraw: msg("To withdraw"),
  handover: msg("To hand over to the host"),
  dispose: msg("To dispose of"),
};

