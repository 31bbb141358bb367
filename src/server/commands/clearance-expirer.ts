/**
 * The expiry sweep: an approval whose validity window has passed unused ends as `expired`.
 * Nobody decides it — time does — so the server runs it as a system actor of the host (the
 * party that issued the clearance): on a timer, when requests are read, and on demand. Each
 * expiry is a `clearance.expired` leaf, written in the same transaction as the new state.
 */
import type { Kysely } from "kysely";
import { findClearanceRequests, listClearanceRequests } from "#store/clearance-requests.repository.ts";
import type { DB } from "#store/schema.ts";
import { type ClearanceRequest, expire, isExpiredAt } from "#workflow/clearance-request.ts";
import { instantOf } from "../clock.ts";
import { accepted, runCommand, systemActor } from "../command.ts";
import type { ServerDeps } from "../deps.ts";
import { HttpError } from "../http-error.ts";
import { clearanceOfRow, loadClearance, saveClearance } from "../persistence.ts";

async function approved(db: Kysely<DB>, ids: readonly string[] | undefined): Promise<ClearanceRequest[]> {
  const rows = ids === undefined ? await listClearanceRequests(db, { status: "approved" }) : await findClearanceRequests(db, ids);
  return rows.map(clearanceOfRow);
}

/**
 * Expires every approval (or those among `ids`) whose window has passed unused; returns them.
 * Reads first and writes only when something is due, so calling it on every read is cheap.
 *
 * @example
 * const expired = await expireClearances(deps); // on the timer
 * await expireClearances(deps, { ids: ["CR-7"] }); // before showing CR-7
 */
export async function expireClearances(deps: ServerDeps, props: { readonly ids?: readonly string[] } = {}): Promise<ClearanceRequest[]> {
  const actor = systemActor(deps.parties.host, "host", ["administrator"]);
  for (let attempt = 1; ; attempt++) {
    const now = instantOf(deps.clock.now());
    const due = (await approved(deps.db, props.ids)).filter((r) => isExpiredAt(r, now)).map((r) => r.id);
    if (due.length === 0) return [];
    try {
      return await runCommand(deps, actor, async (uow) => {
        const expired: ClearanceRequest[] = [];
        for (const id of due) {
          // Re-read in the transaction: a departure may have used it since.
          const r = await loadClearance(uow.trx, id);
          if (!isExpiredAt(r, uow.ctx.now)) continue;
          const next = accepted(uow, expire(r, {}, uow.ctx));
          await saveClearance(uow.trx, r.version, next, uow.now);
          expired.push(next);
        }
        return expired;
      });
    } catch (error) {
      // Another sweep (the timer and a read at once) expired some first: look again.
      if (error instanceof HttpError && error.status === 409 && attempt < 3) continue;
      throw error;
    }
  }
}
