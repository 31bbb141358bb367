/**
 * When a ledger entry is final: in Drawdown a decision is final once a checkpoint that includes
 * it carries valid cosignatures of both parties. A checkpoint of size n includes leaves
 * 0..n−1, so the largest such size says which decisions are final.
 */
import { bytesEqual } from "./bytes.ts";
import { fail, ok, type Result } from "./result.ts";

/** A checkpoint reduced to what finality needs; `cosigners` must already be verified. */
export interface WitnessedCheckpoint {
  readonly size: number;
  readonly rootHash: Uint8Array;
  /** Names of the parties whose cosignatures on this checkpoint verified. */
  readonly cosigners: readonly string[];
}

/**
 * The largest tree size whose checkpoint both parties cosigned, or 0 if none.
 *
 * Copies of the same checkpoint (same size and root) pool their cosigners, since each party
 * usually adds its cosignature separately. Two checkpoints of the same size with different
 * roots are a split view: the result is then a failure, never a size. Each party's
 * cosignature counts only on the checkpoint it signed, not on smaller ones: a party that
 * cosigned size 9 has not, by this rule, cosigned size 7.
 *
 * @example
 * finalTreeSize(
 *   [{ size: 7, rootHash: r7, cosigners: ["US", "NE"] }, { size: 9, rootHash: r9, cosigners: ["US"] }],
 *   ["US", "NE"],
 * ); // { ok: true, value: 7 }
 */
export function finalTreeSize(
  checkpoints: readonly WitnessedCheckpoint[],
  parties: readonly [string, string],
): Result<number> {
  const [a, b] = parties;
  if (a === b) throw new RangeError("finality needs two different parties");
  const bySize = new Map<number, { rootHash: Uint8Array; cosigners: Set<string> }>();
  for (const c of checkpoints) {
    if (!Number.isSafeInteger(c.size) || c.size < 0) throw new RangeError(`invalid tree size ${c.size}`);
    const seen = bySize.get(c.size);
    if (seen === undefined) {
      bySize.set(c.size, { rootHash: c.rootHash, cosigners: new Set(c.cosigners) });
    } else if (!bytesEqual(seen.rootHash, c.rootHash)) {
      return fail("ledger.finality.split_view", `two different roots for tree size ${c.size}`);
    } else {
      for (const name of c.cosigners) seen.cosigners.add(name);
    }
  }
  let final = 0;
  for (const [size, { cosigners }] of bySize) {
    if (size > final && cosigners.has(a) && cosigners.has(b)) final = size;
  }
  return ok(final);
}
