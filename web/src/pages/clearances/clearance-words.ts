/** The words of clearance requests: states, kinds and history events, as English keys (translate with `t`). */
import { msg } from "../../i18n/msg.ts";

export const CLEARANCE_STATUSES: Readonly<Record<string, string>> = {
  draft: msg("Draft"),
  submitted: msg("Submitted"),
  resubmitted: msg("Resubmitted"),
  amended: msg("Amended by the host"),
  approved: msg("Approved"),
  denied: msg("Denied"),
  cancelled: msg("Cancelled"),
  expired: msg("Expired"),
};

export const CLEARANCE_KINDS: Readonly<Record<string, string>> = { landing: msg("Landing"), overflight: msg("Overflight") };

/** What each event of a request's history says happened. */
export const CLEARANCE_EVENTS: Readonly<Record<string, string>> = {
  "clearance.drafted": msg("Drafted"),
  "clearance.updated": msg("Draft edited"),
  "clearance.submitted": msg("Submitted to the host"),
  "clearance.approved": msg("Approved"),
  "clearance.denied": msg("Denied"),
  "clearance.amended": msg("Amended by the host"),
  "clearance.amendment_accepted": msg("Amendment accepted"),
  "clearance.resubmitted": msg("Resubmitted"),
  "clearance.cancelled": msg("Cancelled"),
  "clearance.expired": msg("Expired unused"),
  "clearance.used": msg("Flown under it"),
};

/** The fields of a request, as named in history and forms. */
export const CLEARANCE_FIELDS: Readonly<Record<string, string>> = {
  airfield: msg("Airfield"),
  aircraft: msg("Aircraft"),
  itinerary: msg("Itinerary"),
  firstAt: msg("Enters the country"),
  lastAt: msg("Leaves the country"),
  passengers: msg("Passengers"),
  crew: msg("Crew"),
  dangerousCargo: msg("Dangerous goods"),
  weapons: msg("Weapons"),
  remarks: msg("Remarks"),
};

/** The facts of history events besides the request's fields. */
export const HISTORY_FIELDS: Readonly<Record<string, string>> = {
  ...CLEARANCE_FIELDS,
  sortie: msg("Sortie"),
  clearanceNumber: msg("Clearance number"),
  validFrom: msg("Valid from"),
  validTo: msg("Valid to"),
  reason: msg("Reason"),
  note: msg("Note"),
  movement: msg("Movement"),
  departedAt: msg("Departed"),
};
