/**
 * `drawdown ledger verify`: recomputes the Merkle tree from the first leaf and checks every
 * stored checkpoint — the operator's signature, the root against the leaves, each party's
 * cosignature, consistency between consecutive checkpoints — and, given the workflow events,
 * that each event is the leaf it claims. A row changed, deleted or reordered directly in the
 * database shows as the first bad entry it causes. Pure: the caller reads the database or a
 * server and passes the rows in.
 */
import { bytesEqual, decodeBase64, toHex, utf8 } from "#ledger/bytes.ts";
import { canonicalJson } from "#ledger/canonical-json.ts";
import { openCheckpoint, parseCheckpoint } from "#ledger/checkpoint.ts";
import { finalTreeSize } from "#ledger/finality.ts";
import { leafHash } from "#ledger/hash.ts";
import { verifyConsistency } from "#ledger/proof.ts";
import { MerkleTree } from "#ledger/tree.ts";
import { noteVerifierFromKey } from "#ledger/verifier-key.ts";
import type { WorkflowEventRow } from "#store/schema.ts";
import type { LedgerVerifierKeys } from "./ledger-keys.ts";
import { leafText } from "./ledger-service.ts";
import { eventOfRow } from "./persistence.ts";

/** The ledger as stored (or served). */
export interface AuditInput {
  readonly leaves: readonly { readonly idx: number; readonly leaf_data: string; readonly leaf_hash: string }[];
  readonly checkpoints: readonly { readonly tree_size: number; readonly root_hash: string; readonly body: string; readonly signed_note: string }[];
  readonly cosignatures: readonly { readonly tree_size: number; readonly party: string; readonly signature: string }[];
  /** The workflow events, when auditing the database (not available from a server). */
  readonly events?: readonly WorkflowEventRow[];
  readonly keys: LedgerVerifierKeys;
  /** Consistency proofs between consecutive checkpoints as a server gives them (URL mode). */
  readonly consistency?: (from: number, to: number) => Promise<readonly Uint8Array[]>;
}

/** One thing found wrong. */
export interface AuditProblem {
  /** `leaf 12`, `checkpoint 40`, `cosignature NE@40`, `event clearance_request CR-1 v3`. */
  readonly entry: string;
  readonly message: string;
}

/** The verdict. */
export interface AuditReport {
  readonly ok: boolean;
  readonly leaves: number;
  readonly checkpoints: number;
  readonly cosignatures: number;
  /** Leaves below this size are in a checkpoint both parties' valid cosignatures cover. */
  readonly finalSize: number;
  readonly problems: readonly AuditProblem[];
  /** The first bad entry, named (undefined when all is well). */
  readonly firstBad?: AuditProblem | undefined;
}

/**
 * Audits a ledger.
 *
 * @example
 * const report = await auditLedger({ leaves, checkpoints, cosignatures, events, keys });
 * if (!report.ok) console.error(`first bad entry: ${report.firstBad?.entry}: ${report.firstBad?.message}`);
 */
export async function auditLedger(input: AuditInput): Promise<AuditReport> {
  const problems: AuditProblem[] = [];
  const tree = new MerkleTree();

  // 1. The leaves, in index order, each hashed again from its bytes.
  const leaves = [...input.leaves].sort((a, b) => a.idx - b.idx);
  let broken = false;
  for (const [i, leaf] of leaves.entries()) {
    if (leaf.idx !== i) {
      problems.push({ entry: `leaf ${i}`, message: `leaf ${i} is missing (the next stored leaf is ${leaf.idx}): a row was deleted` });
      broken = true;
      break;
    }
    const hash = leafHash(utf8(leaf.leaf_data));
    if (toHex(hash) !== leaf.leaf_hash)
      problems.push({ entry: `leaf ${i}`, message: `its stored hash does not match its data: the row was changed` });
    let parsed: unknown;
    try {
      parsed = JSON.parse(leaf.leaf_data);
    } catch {
      parsed = undefined;
    }
    const canonical = parsed === undefined ? undefined : canonicalJson(parsed);
    if (canonical === undefined || !canonical.ok || canonical.value !== leaf.leaf_data)
      problems.push({ entry: `leaf ${i}`, message: "its data is not canonical JSON: the row was changed" });
    else if ((parsed as { index?: unknown }).index !== i)
      problems.push({
        entry: `leaf ${i}`,
        message: `it says it is leaf ${String((parsed as { index?: unknown }).index)}: leaves were reordered`,
      });
    tree.append(hash);
  }

  // 2. Checkpoints: signature, root against the recomputed tree, consistency with the previous.
  const logVerifier = noteVerifierFromKey(input.keys.log);
  const checkpoints = [...input.checkpoints].sort((a, b) => a.tree_size - b.tree_size);
  const good = new Map<number, Uint8Array>();
  let previous: { size: number; root: Uint8Array } | undefined;
  for (const cp of checkpoints) {
    const entry = `checkpoint ${cp.tree_size}`;
    if (!logVerifier.ok) {
      problems.push({ entry: "keys", message: `the operator's key is unusable: ${logVerifier.reason}` });
      break;
    }
    const opened = openCheckpoint(cp.signed_note, [logVerifier.value], input.keys.origin);
    if (!opened.ok) {
      problems.push({ entry, message: `its signed note does not verify: ${opened.reason}` });
      continue;
    }
    const { checkpoint } = opened.value;
    if (opened.value.note.text !== cp.body || checkpoint.size !== cp.tree_size || toHex(checkpoint.rootHash) !== cp.root_hash) {
      problems.push({ entry, message: "its stored size, root or body differ from what the operator signed: the row was changed" });
      continue;
    }
    if (checkpoint.size > tree.size) {
      problems.push({ entry, message: `it covers ${checkpoint.size} leaves but only ${tree.size} are stored: leaves were deleted` });
      continue;
    }
    if (!broken && !bytesEqual(tree.root(checkpoint.size), checkpoint.rootHash)) {
      const from = previous?.size ?? 0;
      problems.push({
        entry,
        message: `the leaves do not hash to its signed root: one of leaves ${from}…${checkpoint.size - 1} was changed, replaced or reordered`,
      });
      continue;
    }
    if (previous !== undefined && previous.size > 0) {
      const proof =
        input.consistency === undefined
          ? tree.consistencyProof(previous.size, checkpoint.size)
          : await input.consistency(previous.size, checkpoint.size);
      const v = verifyConsistency(previous.size, checkpoint.size, proof, previous.root, checkpoint.rootHash);
      if (!v.ok) problems.push({ entry, message: `not consistent with checkpoint ${previous.size}: ${v.reason}` });
    }
    good.set(checkpoint.size, checkpoint.rootHash);
    previous = { size: checkpoint.size, root: checkpoint.rootHash };
  }

  // 3. Cosignatures, each with its party's key.
  const cosigners = new Map<number, string[]>();
  for (const c of input.cosignatures) {
    const entry = `cosignature ${c.party}@${c.tree_size}`;
    const vkey = input.keys.parties[c.party];
    const verifier = vkey === undefined ? undefined : noteVerifierFromKey(vkey);
    const body = checkpoints.find((x) => x.tree_size === c.tree_size)?.body;
    const raw = decodeBase64(c.signature);
    if (verifier === undefined || !verifier.ok) {
      problems.push({ entry, message: `no usable cosigning key for ${c.party}` });
      continue;
    }
    const keyId = raw === null || raw.length < 5 ? -1 : ((raw[0] ?? 0) * 2 ** 24 + ((raw[1] ?? 0) << 16) + ((raw[2] ?? 0) << 8) + (raw[3] ?? 0)) >>> 0;
    if (body === undefined || raw === null || keyId !== verifier.value.keyId || !verifier.value.verify(utf8(body), raw.slice(4))) {
      problems.push({ entry, message: `the cosignature of ${c.party} does not verify on the checkpoint of size ${c.tree_size}` });
      continue;
    }
    if (!parseCheckpoint(body).ok || !good.has(c.tree_size)) continue;
    cosigners.set(c.tree_size, [...(cosigners.get(c.tree_size) ?? []), c.party]);
  }
  const parties = Object.keys(input.keys.parties);
  let finalSize = 0;
  if (parties.length === 2) {
    const r = finalTreeSize(
      [...good].map(([size, rootHash]) => ({ size, rootHash, cosigners: cosigners.get(size) ?? [] })),
      parties as [string, string],
    );
    if (r.ok) finalSize = r.value;
    else problems.push({ entry: "checkpoints", message: r.reason });
  }

  // 4. Each workflow event is the leaf it claims to be, and each leaf has its event.
  if (input.events !== undefined) {
    const byIdx = new Map(leaves.map((l) => [l.idx, l.leaf_data]));
    const seen = new Set<number>();
    for (const row of [...input.events].sort((a, b) => a.ledger_idx - b.ledger_idx)) {
      seen.add(row.ledger_idx);
      const entry = `event ${row.object_type} ${row.object_id} v${row.object_version} (leaf ${row.ledger_idx})`;
      let expected: string | undefined;
      try {
        expected = leafText(eventOfRow(row), row.ledger_idx);
      } catch {
        expected = undefined;
      }
      if (expected === undefined || byIdx.get(row.ledger_idx) !== expected)
        problems.push({ entry, message: `it does not match leaf ${row.ledger_idx}: the event or the leaf was changed` });
    }
    for (const l of leaves) if (!seen.has(l.idx)) problems.push({ entry: `leaf ${l.idx}`, message: "no workflow event records it: an event row was deleted" });
  }

  const rank = (p: AuditProblem) => {
    const m = /^(leaf|event|checkpoint) /.exec(p.entry);
    const n = Number(/(\d+)(?!.*\d)/.exec(p.entry)?.[1] ?? Number.MAX_SAFE_INTEGER);
    return m?.[1] === "leaf" || m?.[1] === "event" ? n : Number.MAX_SAFE_INTEGER / 2 + n;
  };
  const firstBad = [...problems].sort((a, b) => rank(a) - rank(b))[0];
  return {
    ok: problems.length === 0,
    leaves: leaves.length,
    checkpoints: checkpoints.length,
    cosignatures: input.cosignatures.length,
    finalSize,
    problems,
    firstBad,
  };
}
