/**
 * The words of the ledger page, as English keys (translate with `t`): the kinds of decision a
 * leaf records and what "verify here" can find wrong.
 */
import { msg } from "../../i18n/msg.ts";
import type { LedgerProblem } from "./ledger-check.ts";

/** Each event type a leaf may record. Unknown types are shown as they are. */
export const DECISION_KINDS: Readonly<Record<string, string>> = {
  "plan.published": msg("Plan published"),
  "clearance.drafted": msg("Clearance request drafted"),
  "clearance.updated": msg("Clearance request changed"),
  "clearance.submitted": msg("Clearance request submitted"),
  "clearance.resubmitted": msg("Clearance request resubmitted"),
  "clearance.approved": msg("Clearance approved"),
  "clearance.denied": msg("Clearance denied"),
  "clearance.amended": msg("Clearance amended by the host"),
  "clearance.amendment_accepted": msg("Amendment accepted"),
  "clearance.cancelled": msg("Clearance request cancelled"),
  "clearance.expired": msg("Clearance expired"),
  "clearance.used": msg("Clearance used"),
  "movement.planned": msg("Movement planned"),
  "movement.updated": msg("Movement changed"),
  "movement.scheduled": msg("Movement scheduled"),
  "movement.cleared": msg("Movement cleared"),
  "movement.manifest_recorded": msg("Manifest recorded"),
  "movement.departed": msg("Movement departed"),
  "movement.arrived": msg("Movement arrived"),
  "movement.cancelled": msg("Movement cancelled"),
  "person.registered": msg("Person registered"),
  "person.updated": msg("Person's record corrected"),
  "person.erased": msg("Personal data erased"),
  "personnel.entry": msg("Entry recorded"),
  "personnel.exit": msg("Exit recorded"),
  "personnel.transfer": msg("Transfer recorded"),
  "disposition.opened": msg("Disposition opened"),
  "disposition.withdrawn": msg("Cargo withdrawn"),
  "disposition.disposed": msg("Cargo disposed of"),
  "disposition.handed_over": msg("Cargo handed over"),
  "handover.drafted": msg("Handover list drafted"),
  "handover.updated": msg("Handover list changed"),
  "handover.signed": msg("Handover list signed"),
  "handover.cancelled": msg("Handover list cancelled"),
};

/** Each kind of object a decision is about. */
export const OBJECT_KINDS: Readonly<Record<string, string>> = {
  plan_version: msg("Plan"),
  clearance_request: msg("Clearance request"),
  movement: msg("Movement"),
  person: msg("Person"),
  personnel_event: msg("Personnel record"),
  cargo_disposition: msg("Cargo line"),
  handover_list: msg("Handover list"),
};

/** A problem found by "verify here", as an English key with its placeholders. */
export function problemWords(p: LedgerProblem): { key: string; values: Record<string, string | number> } {
  const at = { n: p.at, party: p.party ?? "", detail: p.detail ?? "", from: p.from ?? 0, to: p.at - 1 };
  const key: Record<LedgerProblem["kind"], string> = {
    keys: msg("The public keys cannot be used: {{detail}}"),
    leaf_missing: msg("Entry {{n}} is missing: a row was deleted."),
    leaf_changed: msg("Entry {{n}} does not match its hash: its row was changed."),
    leaf_not_canonical: msg("Entry {{n}} is not in canonical form: its row was changed."),
    leaf_moved: msg("Entry {{n}} says it is entry {{detail}}: entries were reordered."),
    checkpoint_malformed: msg("Checkpoint {{n}} is malformed: {{detail}}"),
    checkpoint_signature: msg("Checkpoint {{n}} is not signed by the log's key."),
    checkpoint_root: msg("The entries do not hash to the signed root of checkpoint {{n}}: one of entries {{from}} to {{to}} was changed or replaced."),
    checkpoint_beyond: msg("Checkpoint {{n}} covers entries that are not there: entries were deleted."),
    inclusion: msg("The server's inclusion proof for checkpoint {{n}} does not verify: {{detail}}"),
    consistency: msg("The server's consistency proof up to checkpoint {{n}} does not verify: {{detail}}"),
    cosignature: msg("The cosignature of {{party}} on checkpoint {{n}} does not verify."),
  };
  return { key: key[p.kind], values: at };
}
