/**
 * The server's side of the ledger: records workflow events as leaves (inside the command's
 * transaction), signs checkpoints as the log operator after commits, cosigns them with a
 * party's key, and says which decisions are final. A Merkle tree of the leaf hashes is kept in
 * memory and caught up from the store before each use.
 */
import type { Kysely } from "kysely";
import { bytesEqual, decodeBase64, encodeBase64, fromHex, toHex, utf8 } from "#ledger/bytes.ts";
import { canonicalJson } from "#ledger/canonical-json.ts";
import { formatCheckpoint, openCheckpoint, parseCheckpoint } from "#ledger/checkpoint.ts";
import { cosignatureVerifier, cosignCheckpoint } from "#ledger/cosignature.ts";
import { finalTreeSize } from "#ledger/finality.ts";
import { leafHash } from "#ledger/hash.ts";
import { ed25519NoteSigner, ed25519NoteVerifier, formatNote, type NoteSignature, parseNote, signNote } from "#ledger/note.ts";
import { verifyConsistency } from "#ledger/proof.ts";
import { MerkleTree } from "#ledger/tree.ts";
import { isUniqueViolation, StoreError } from "#store/errors.ts";
import {
  appendLeaves,
  findCheckpoint,
  insertCheckpoint,
  insertCosignature,
  latestCheckpoint,
  ledgerSize,
  listCheckpoints,
  listCosignatures,
  lockLedgerTail,
  readLeaves,
} from "#store/ledger.repository.ts";
import type { Checkpoint as CheckpointRow, Cosignature, DB } from "#store/schema.ts";
import { inTransaction } from "#store/transaction.ts";
import { insertWorkflowEvents } from "#store/workflow-events.repository.ts";
import type { WorkflowEvent } from "#workflow/event.ts";
import type { Clock } from "./clock.ts";
import { HttpError, versionConflict } from "./http-error.ts";
import type { LedgerKeys } from "./ledger-keys.ts";

/**
 * The bytes of a leaf: the canonical JSON (RFC 8785) of the event with its ledger index, so a
 * leaf moved to another position no longer matches its own content.
 *
 * @example
 * leafText(event, 7); // '{"actorId":"u-1","actorParty":"US","at":"…","data":{…},"index":7,…}'
 */
export function leafText(event: WorkflowEvent, index: number): string {
  const text = canonicalJson({ ...event, index });
  if (!text.ok) throw new Error(`event ${event.type} is not canonical JSON: ${text.reason}`);
  return text.value;
}

/** A checkpoint with every signature: the operator's and the parties' cosignatures. */
export interface CheckpointView {
  readonly treeSize: number;
  readonly rootHash: string;
  readonly body: string;
  /** The full note: body, blank line, operator signature and cosignature lines. */
  readonly note: string;
  readonly createdAt: string;
  readonly cosignatures: readonly { readonly party: string; readonly keyName: string; readonly timestamp: number; readonly signature: string }[];
}

/** The server's ledger. */
export class LedgerService {
  readonly #tree = new MerkleTree();

  constructor(
    readonly keys: LedgerKeys,
    private readonly clock: Clock,
  ) {}

  /**
   * Appends the events as leaves and records them in the objects' histories, in the caller's
   * transaction. A second event for an object version already recorded is a version conflict.
   */
  async record(trx: Kysely<DB>, events: readonly WorkflowEvent[]): Promise<number[]> {
    if (events.length === 0) return [];
    const first = await lockLedgerTail(trx);
    const createdAt = this.clock.now().toISOString();
    const leaves = events.map((e, i) => {
      const leaf_data = leafText(e, first + i);
      return { idx: first + i, leaf_data, leaf_hash: toHex(leafHash(utf8(leaf_data))), created_at: createdAt };
    });
    await appendLeaves(trx, leaves);
    try {
      await insertWorkflowEvents(
        trx,
        events.map((e, i) => ({
          object_type: e.objectType,
          object_id: e.objectId,
          object_version: e.objectVersion,
          type: e.type,
          actor_id: e.actorId,
          actor_party: e.actorParty,
          at: e.at,
          data: JSON.stringify(e.data),
          ledger_idx: first + i,
          created_at: createdAt,
        })),
      );
    } catch (error) {
      if (isUniqueViolation(error)) {
        const e = events[0];
        throw versionConflict(Math.max(0, (e?.objectVersion ?? 1) - 1));
      }
      throw error;
    }
    return leaves.map((l) => l.idx);
  }

  /** Catches the in-memory tree up with the store, up to `size`. */
  async #catchUp(db: Kysely<DB>, size: number): Promise<MerkleTree> {
    while (this.#tree.size < size) {
      const from = this.#tree.size;
      const rows = await readLeaves(db, from, Math.min(size, from + 5000));
      if (rows.length === 0 || rows[0]?.idx !== from) throw new StoreError("store.ledger_gap", `ledger leaf ${from} is missing`);
      for (const row of rows) {
        const hash = fromHex(row.leaf_hash);
        if (hash === null) throw new StoreError("store.ledger_gap", `ledger leaf ${row.idx} has a malformed hash`);
        this.#tree.append(hash);
      }
    }
    return this.#tree;
  }

  /** The tree as of the store's current size. */
  async tree(db: Kysely<DB>): Promise<MerkleTree> {
    return this.#catchUp(db, await ledgerSize(db));
  }

  /**
   * Signs a checkpoint of the ledger's current size as the log operator, unless one exists.
   * Returns its size (undefined for an empty ledger).
   */
  async signCheckpoint(db: Kysely<DB>): Promise<number | undefined> {
    return inTransaction(db, async (trx) => {
      const size = await lockLedgerTail(trx);
      if (size === 0) return undefined;
      const latest = await latestCheckpoint(trx);
      if (latest !== undefined && latest.tree_size >= size) return latest.tree_size;
      const tree = await this.#catchUp(trx, size);
      const root = tree.root(size);
      const body = formatCheckpoint({ origin: this.keys.origin, size, rootHash: root, extensions: [] });
      const note = signNote({ text: body, signatures: [] }, [ed25519NoteSigner(this.keys.log.name, this.keys.log.pair)]);
      await insertCheckpoint(trx, {
        tree_size: size,
        root_hash: toHex(root),
        body,
        signed_note: formatNote(note),
        created_at: this.clock.now().toISOString(),
      });
      return size;
    });
  }

  /**
   * Cosigns the checkpoint of `treeSize` with `party`'s key, after checking it as a witness
   * would: the operator's signature, the root against the leaves, and consistency with the last
   * checkpoint this party cosigned.
   */
  async cosign(db: Kysely<DB>, treeSize: number, party: string): Promise<CheckpointView> {
    const key = this.keys.parties.get(party);
    if (key === undefined) throw new HttpError(404, "ledger.no_cosigner", "No such cosigner", `party ${party} has no cosigning key`);
    return inTransaction(db, async (trx) => {
      const row = await findCheckpoint(trx, treeSize);
      if (row === undefined) throw new HttpError(404, "checkpoint.not_found", "Not found", `no checkpoint of size ${treeSize}`);
      const opened = openCheckpoint(row.signed_note, [ed25519NoteVerifier(this.keys.log.name, this.keys.log.pair.publicKey)], this.keys.origin);
      if (!opened.ok) throw new HttpError(409, "ledger.bad_checkpoint", "The checkpoint does not verify", opened.reason);
      const tree = await this.#catchUp(trx, Math.max(treeSize, this.#tree.size));
      if (!bytesEqual(tree.root(treeSize), opened.value.checkpoint.rootHash))
        throw new HttpError(409, "ledger.root_mismatch", "The checkpoint does not match the ledger", `the root of size ${treeSize} differs from the leaves`);
      const mine = (await listCosignatures(trx)).filter((c) => c.party === party);
      if (mine.some((c) => c.tree_size === treeSize))
        throw new HttpError(409, "checkpoint.already_cosigned", "Already cosigned", `${party} has already cosigned the checkpoint of size ${treeSize}`);
      const previous = mine.filter((c) => c.tree_size < treeSize).at(-1);
      if (previous !== undefined) {
        const old = await findCheckpoint(trx, previous.tree_size);
        const oldRoot = old === undefined ? null : fromHex(old.root_hash);
        const verdict =
          oldRoot === null
            ? { ok: false as const, reason: "missing" }
            : verifyConsistency(previous.tree_size, treeSize, tree.consistencyProof(previous.tree_size, treeSize), oldRoot, tree.root(treeSize));
        if (!verdict.ok)
          throw new HttpError(409, "ledger.inconsistent", "Not consistent with what this party cosigned", `size ${previous.tree_size} → ${treeSize}`);
      }
      const timestamp = Math.floor(this.clock.now().getTime() / 1000);
      const signed = cosignCheckpoint({ text: row.body, signatures: [] }, key.name, key.pair, timestamp);
      if (!signed.ok) throw new Error(signed.reason);
      // The signature as its note line carries it: base64 of key ID, timestamp and signature.
      const line = formatNote(signed.value).split("\n").at(-2) ?? "";
      await insertCosignature(trx, {
        tree_size: treeSize,
        party,
        key_name: key.name,
        timestamp,
        signature: line.slice(line.lastIndexOf(" ") + 1),
        created_at: this.clock.now().toISOString(),
      });
      return this.#view(row, [...(await listCosignatures(trx, treeSize))]);
    });
  }

  /** The checkpoint view of a row with its cosignatures (the note carries every signature). */
  #view(row: CheckpointRow, cosignatures: readonly Cosignature[]): CheckpointView {
    const note = parseNote(row.signed_note);
    const extra: NoteSignature[] = [];
    for (const c of cosignatures) {
      const raw = decodeBase64(c.signature);
      if (raw === null || raw.length < 5) continue;
      const keyId = ((raw[0] ?? 0) * 2 ** 24 + ((raw[1] ?? 0) << 16) + ((raw[2] ?? 0) << 8) + (raw[3] ?? 0)) >>> 0;
      extra.push({ name: c.key_name, keyId, signature: raw.slice(4) });
    }
    const full = note.ok ? formatNote({ text: note.value.text, signatures: [...note.value.signatures, ...extra] }) : row.signed_note;
    return {
      treeSize: row.tree_size,
      rootHash: encodeBase64(fromHex(row.root_hash) ?? new Uint8Array()),
      body: row.body,
      note: full,
      createdAt: row.created_at,
      cosignatures: cosignatures.map((c) => ({ party: c.party, keyName: c.key_name, timestamp: c.timestamp, signature: c.signature })),
    };
  }

  /** Every checkpoint with its cosignatures, smallest first. */
  async checkpoints(db: Kysely<DB>): Promise<CheckpointView[]> {
    const [rows, cosigs] = await Promise.all([listCheckpoints(db), listCosignatures(db)]);
    return rows.map((r) => this.#view(r, cosigs.filter((c) => c.tree_size === r.tree_size)));
  }

  /** The latest checkpoint, or undefined. */
  async latest(db: Kysely<DB>): Promise<CheckpointView | undefined> {
    const row = await latestCheckpoint(db);
    return row === undefined ? undefined : this.#view(row, await listCosignatures(db, row.tree_size));
  }

  /** Whether a cosignature row verifies on its checkpoint body with the party's key. */
  #cosignatureValid(body: string, c: Cosignature): boolean {
    const key = this.keys.parties.get(c.party);
    if (key === undefined) return false;
    const raw = decodeBase64(c.signature);
    if (raw === null || raw.length < 5) return false;
    const verifier = cosignatureVerifier(key.name, key.pair.publicKey);
    const keyId = ((raw[0] ?? 0) * 2 ** 24 + ((raw[1] ?? 0) << 16) + ((raw[2] ?? 0) << 8) + (raw[3] ?? 0)) >>> 0;
    return keyId === verifier.keyId && verifier.verify(utf8(body), raw.slice(4));
  }

  /**
   * The number of leaves that are final: those included in the largest checkpoint that both
   * parties' cosignatures (verified here) cover. 0 when none.
   */
  async finalSize(db: Kysely<DB>): Promise<number> {
    const parties = [...this.keys.parties.keys()];
    if (parties.length !== 2) return 0;
    const [rows, cosigs] = await Promise.all([listCheckpoints(db), listCosignatures(db)]);
    const candidates = rows
      .map((r) => ({ r, cs: cosigs.filter((c) => c.tree_size === r.tree_size) }))
      .filter(({ cs }) => parties.every((p) => cs.some((c) => c.party === p)))
      .sort((a, b) => b.r.tree_size - a.r.tree_size);
    for (const { r, cs } of candidates) {
      if (!parseCheckpoint(r.body).ok) continue;
      const cosigners = cs.filter((c) => this.#cosignatureValid(r.body, c)).map((c) => c.party);
      const result = finalTreeSize(
        [{ size: r.tree_size, rootHash: fromHex(r.root_hash) ?? new Uint8Array(), cosigners }],
        parties as [string, string],
      );
      if (result.ok && result.value > 0) return result.value;
    }
    return 0;
  }
}
