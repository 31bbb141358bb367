/**
 * "Verify here": the browser checks the Commission's ledger itself, trusting none of the server's
 * conclusions. From the leaves' bytes it recomputes every leaf hash and the root at every
 * checkpoint; it checks each checkpoint's signature by the log operator, each party's
 * cosignature, the server's inclusion proof of each checkpoint's last leaf against the signed
 * root, and the server's consistency proof between consecutive checkpoints. It names the first
 * bad entry. Pure but for the proofs, which the caller fetches (see `ledger-source.ts`).
 */
import { decodeBase64, encodeBase64, fromHex, sameBytes, toHex, utf8 } from "./ledger-bytes.ts";
import { leafHash, prefixRoots, type Verdict, verifyConsistency, verifyInclusion } from "./merkle.ts";
import { cosignatureTime, noteSignedBy, parseCheckpointBody, parseNote, parseVerifierKey, type VerifierKey } from "./signed-note.ts";

/** The ledger as the API serves it. */
export interface LedgerSnapshot {
  readonly keys: { readonly origin: string; readonly log: string; readonly parties: Readonly<Record<string, string>> };
  /** The size the server reports. */
  readonly size: number;
  readonly leaves: readonly { readonly index: number; readonly hash: string; readonly data: string }[];
  readonly checkpoints: readonly {
    readonly treeSize: number;
    readonly rootHash: string;
    readonly body: string;
    readonly note: string;
    readonly cosignatures: readonly { readonly party: string; readonly signature: string }[];
  }[];
}

/** The server's proofs, fetched on demand (base64 hashes as the API gives them). */
export interface ProofSource {
  inclusion(index: number, size: number): Promise<readonly string[]>;
  consistency(from: number, to: number): Promise<readonly string[]>;
}

/** What can be wrong, and where. `at` is a leaf index or a checkpoint size. */
export type ProblemKind =
  | "keys"
  | "leaf_missing"
  | "leaf_changed"
  | "leaf_not_canonical"
  | "leaf_moved"
  | "checkpoint_malformed"
  | "checkpoint_signature"
  | "checkpoint_root"
  | "checkpoint_beyond"
  | "inclusion"
  | "consistency"
  | "cosignature";

/** One thing found wrong. */
export interface LedgerProblem {
  readonly kind: ProblemKind;
  /** The leaf index (leaf problems) or the checkpoint's size (the others). */
  readonly at: number;
  /** For `checkpoint_root`: the first leaf that may have been changed (the last is `at - 1`). */
  readonly from?: number;
  readonly party?: string;
  /** Why, in English, from the check itself (a proof's or a key's reason). */
  readonly detail?: string;
}

/** One checkpoint, checked. */
export interface CheckpointCheck {
  readonly size: number;
  readonly rootHash: string;
  readonly logSignature: boolean;
  /** Whether the leaves hash to its signed root (null when they are not all there). */
  readonly rootMatches: boolean | null;
  /** The server's inclusion proof of its last leaf (null when not checked). */
  readonly inclusion: Verdict | null;
  /** The server's consistency proof from the previous checkpoint (null for the first). */
  readonly consistency: Verdict | null;
  /** Each cosignature present: the time it carries when valid, null when it does not verify. */
  readonly cosignatures: readonly { readonly party: string; readonly time: number | null }[];
  readonly ok: boolean;
}

/** The verdict on the whole ledger. */
export interface LedgerCheck {
  readonly ok: boolean;
  readonly leaves: number;
  readonly checkpoints: readonly CheckpointCheck[];
  readonly problems: readonly LedgerProblem[];
  /** The first bad entry: the lowest leaf, else the smallest checkpoint. */
  readonly firstBad?: LedgerProblem;
  /** Leaves below this size are in a checkpoint whose both cosignatures verified here. */
  readonly finalSize: number;
  /** The keys used, for people to compare with the ones their party holds. */
  readonly keys: readonly { readonly role: "log" | "party"; readonly name: string; readonly keyId: string }[];
}

/** Progress: how many of the leaves or checkpoints are done. */
export interface CheckProgress {
  readonly phase: "leaves" | "checkpoints";
  readonly done: number;
  readonly total: number;
}

/** The canonical JSON (RFC 8785 for the JSON the ledger holds) of a parsed value. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}

function claimedIndex(data: string): { canonical: boolean; index: unknown } {
  try {
    const parsed: unknown = JSON.parse(data);
    const index = parsed !== null && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as { index?: unknown }).index : undefined;
    return { canonical: canonical(parsed) === data, index };
  } catch {
    return { canonical: false, index: undefined };
  }
}

// Leaves by index; a root that does not match ranks after the leaves it covers (a leaf named
// precisely comes first); the other checkpoint problems after every leaf.
const order = (p: LedgerProblem) => (p.kind.startsWith("leaf_") ? p.at : p.kind === "checkpoint_root" ? p.at - 0.5 : Number.MAX_SAFE_INTEGER / 2 + p.at);

/** Runs `work` over `items`, `width` at a time, in order of completion. */
async function pool<T, R>(items: readonly T[], width: number, work: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane));
  return out;
}

/**
 * Checks a ledger snapshot. Never throws on bad data: everything wrong becomes a problem.
 *
 * @example
 * const result = await checkLedger(snapshot, proofsFrom(api), (p) => setProgress(p));
 * result.firstBad; // e.g. { kind: "leaf_changed", at: 12 }
 */
export async function checkLedger(snapshot: LedgerSnapshot, proofs: ProofSource, onProgress: (p: CheckProgress) => void = () => {}): Promise<LedgerCheck> {
  const problems: LedgerProblem[] = [];

  // The keys: the operator's (type 0x01) and each party's cosigning key (type 0x04).
  const log = await parseVerifierKey(snapshot.keys.log);
  if (!log.ok) problems.push({ kind: "keys", at: 0, detail: log.reason });
  const parties = new Map<string, VerifierKey>();
  for (const [party, vkey] of Object.entries(snapshot.keys.parties)) {
    const k = await parseVerifierKey(vkey);
    if (k.ok) parties.set(party, k.value);
    else problems.push({ kind: "keys", at: 0, party, detail: k.reason });
  }
  const hex8 = (n: number) => n.toString(16).padStart(8, "0");
  const keys = [
    ...(log.ok ? [{ role: "log" as const, name: log.value.name, keyId: hex8(log.value.keyId) }] : []),
    ...[...parties.values()].map((k) => ({ role: "party" as const, name: k.name, keyId: hex8(k.keyId) })),
  ];

  // 1. The leaves, in order, each hashed again from its bytes.
  const leaves = [...snapshot.leaves].sort((a, b) => a.index - b.index);
  const hashes: Uint8Array[] = [];
  for (const [i, leaf] of leaves.entries()) {
    if (leaf.index !== i) {
      problems.push({ kind: "leaf_missing", at: i });
      break;
    }
    const hash = await leafHash(utf8(leaf.data));
    const stored = fromHex(leaf.hash);
    if (stored === null || !sameBytes(stored, hash)) problems.push({ kind: "leaf_changed", at: i });
    const claim = claimedIndex(leaf.data);
    if (!claim.canonical) problems.push({ kind: "leaf_not_canonical", at: i });
    else if (claim.index !== i) problems.push({ kind: "leaf_moved", at: i, detail: String(claim.index) });
    hashes.push(hash);
    if (i % 200 === 199) onProgress({ phase: "leaves", done: i + 1, total: leaves.length });
  }
  if (hashes.length === leaves.length && leaves.length < snapshot.size) problems.push({ kind: "leaf_missing", at: leaves.length });
  onProgress({ phase: "leaves", done: leaves.length, total: leaves.length });

  // 2. The checkpoints: signature, root against the leaves, the server's proofs, cosignatures.
  const sorted = [...snapshot.checkpoints].sort((a, b) => a.treeSize - b.treeSize);
  const roots = await prefixRoots(hashes, sorted.map((c) => c.treeSize));
  // A root that does not match: the changed leaf is after the last checkpoint whose root matched.
  const lastGood = new Map<number, number>();
  let good = 0;
  for (const cp of sorted) {
    lastGood.set(cp.treeSize, good);
    const root = roots.get(cp.treeSize);
    const signed = decodeBase64(cp.rootHash);
    if (root !== undefined && signed !== null && sameBytes(root, signed)) good = cp.treeSize;
  }
  let done = 0;
  const checks = await pool(sorted, 4, async (cp, i): Promise<CheckpointCheck> => {
    const mine: LedgerProblem[] = [];
    const size = cp.treeSize;
    const note = parseNote(cp.note);
    const body = parseCheckpointBody(cp.body);
    const signed = body.ok ? body.value.rootHash : decodeBase64(cp.rootHash);
    let logSignature = false;
    if (!note.ok || !body.ok || note.value.text !== cp.body || body.value.size !== size || body.value.origin !== snapshot.keys.origin || cp.rootHash !== encodeBase64(body.value.rootHash)) {
      mine.push({ kind: "checkpoint_malformed", at: size, detail: !note.ok ? note.reason : !body.ok ? body.reason : "its stored size, origin or body differ from the signed note" });
    } else if (log.ok) {
      logSignature = (await noteSignedBy(note.value, log.value)) === true;
      if (!logSignature) mine.push({ kind: "checkpoint_signature", at: size });
    }
    const root = roots.get(size);
    const rootMatches = root === undefined || signed === null ? null : sameBytes(root, signed);
    if (root === undefined) mine.push({ kind: "checkpoint_beyond", at: size });
    else if (rootMatches === false) mine.push({ kind: "checkpoint_root", at: size, from: lastGood.get(size) ?? 0 });

    // The server's proofs, checked against the signed roots with the hashes computed here.
    let inclusion: Verdict | null = null;
    const last = hashes[size - 1];
    if (signed !== null && last !== undefined && size > 0) {
      inclusion = await proofVerdict(async () => verifyInclusion(last, size - 1, size, decodeAll(await proofs.inclusion(size - 1, size)), signed));
      if (!inclusion.ok) mine.push({ kind: "inclusion", at: size, detail: inclusion.reason });
    }
    let consistency: Verdict | null = null;
    const previous = sorted[i - 1];
    const oldRoot = previous === undefined ? null : parseCheckpointBody(previous.body);
    if (previous !== undefined && previous.treeSize > 0 && oldRoot?.ok === true && signed !== null) {
      consistency = await proofVerdict(async () =>
        verifyConsistency(previous.treeSize, size, decodeAll(await proofs.consistency(previous.treeSize, size)), oldRoot.value.rootHash, signed),
      );
      if (!consistency.ok) mine.push({ kind: "consistency", at: size, detail: consistency.reason });
    }

    const cosignatures: { party: string; time: number | null }[] = [];
    for (const c of cp.cosignatures) {
      const key = parties.get(c.party);
      const raw = decodeBase64(c.signature);
      const keyId = raw === null || raw.length < 4 ? -1 : new DataView(raw.buffer).getUint32(0);
      const time = key === undefined || raw === null || keyId !== key.keyId ? null : await cosignatureTime(cp.body, raw.slice(4), key);
      cosignatures.push({ party: c.party, time });
      if (time === null) mine.push({ kind: "cosignature", at: size, party: c.party });
    }
    problems.push(...mine);
    onProgress({ phase: "checkpoints", done: ++done, total: sorted.length });
    return { size, rootHash: cp.rootHash, logSignature, rootMatches, inclusion, consistency, cosignatures, ok: mine.length === 0 };
  });

  // 3. Final: the largest checkpoint that is sound and carries both parties' valid cosignatures.
  const both = [...parties.keys()];
  const finalSize = Math.max(
    0,
    ...checks.filter((c) => c.ok && both.length === 2 && both.every((p) => c.cosignatures.some((x) => x.party === p && x.time !== null))).map((c) => c.size),
  );
  const firstBad = [...problems].sort((a, b) => order(a) - order(b))[0];
  return { ok: problems.length === 0, leaves: leaves.length, checkpoints: checks, problems, ...(firstBad === undefined ? {} : { firstBad }), finalSize, keys };
}

function decodeAll(proof: readonly string[]): Uint8Array[] {
  return proof.map((p) => decodeBase64(p) ?? new Uint8Array());
}

/** A proof that cannot even be fetched fails with the reason. */
async function proofVerdict(run: () => Promise<Verdict>): Promise<Verdict> {
  try {
    return await run();
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
}

/** Hex of a hash, shortened for people (the full value is in the title). */
export const shortHash = (b64: string) => toHex(decodeBase64(b64) ?? new Uint8Array()).slice(0, 16);
