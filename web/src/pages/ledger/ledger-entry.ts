/**
 * One ledger entry for people: the decision a leaf records, read from the leaf's canonical JSON
 * (`type`, object, actor, party, time). A leaf that is not such JSON is shown as unreadable
 * rather than hidden: "verify here" says why.
 */
import type { LedgerLeaf } from "../../api/contract.ts";

/** A leaf's decision. */
export interface LedgerEntry {
  readonly index: number;
  /** `clearance.approved`, …; empty when the leaf is unreadable. */
  readonly type: string;
  readonly objectType: string;
  readonly objectId: string;
  readonly actorId: string;
  readonly party: string;
  /** When the decision was taken (ISO); empty when unreadable. */
  readonly at: string;
  readonly final: boolean;
}

const text = (v: unknown) => (typeof v === "string" ? v : "");

/**
 * The decision in a leaf.
 *
 * @example
 * entryOf({ index: 0, data: '{"actorId":"u1","actorParty":"US","at":"2024-05-20T08:00:00Z",…,"type":"plan.published"}', … });
 * // { index: 0, type: "plan.published", party: "US", … }
 */
export function entryOf(leaf: LedgerLeaf): LedgerEntry {
  let o: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(leaf.data);
    if (parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)) o = parsed as Record<string, unknown>;
  } catch {
    // unreadable: the fields stay empty
  }
  return {
    index: leaf.index,
    type: text(o.type),
    objectType: text(o.objectType),
    objectId: text(o.objectId),
    actorId: text(o.actorId),
    party: text(o.actorParty),
    at: text(o.at),
    final: leaf.final,
  };
}
