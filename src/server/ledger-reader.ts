/** Reads what `auditLedger` needs from a database (one consistent snapshot). */
import type { Kysely } from "kysely";
import { readLedger } from "#store/ledger.repository.ts";
import type { DB } from "#store/schema.ts";
import { inTransaction } from "#store/transaction.ts";
import { listAllWorkflowEvents } from "#store/workflow-events.repository.ts";
import { type AuditReport, auditLedger } from "./ledger-audit.ts";
import type { LedgerVerifierKeys } from "./ledger-keys.ts";

/**
 * Audits the ledger stored in a database with the given public keys.
 *
 * @example
 * const report = await auditDatabase(store.db, verifierKeysOf(keys));
 */
export async function auditDatabase(db: Kysely<DB>, keys: LedgerVerifierKeys): Promise<AuditReport> {
  const { ledger, events } = await inTransaction(
    db,
    async (trx) => ({ ledger: await readLedger(trx), events: await listAllWorkflowEvents(trx) }),
    { readOnly: true },
  );
  return auditLedger({ ...ledger, events, keys });
}
