/**
 * C2SP tlog-cosignature v1 for Ed25519 (https://c2sp.org/tlog-cosignature): a note signature of
 * type 0x04 whose bytes are an 8-byte big-endian timestamp followed by an Ed25519 signature over
 *
 *     cosignature/v1\ntime <timestamp>\n<checkpoint body>
 *
 * In Drawdown each party (e.g. "US", "NE") cosigns the commission log's checkpoints with its
 * own key; the cosigning party is responsible for first checking consistency with the last
 * checkpoint it cosigned (that check lives with the caller, which holds the state).
 */
import { concatBytes, decodeUtf8, readUint64BE, uint64BE, utf8 } from "./bytes.ts";
import { parseCheckpoint } from "./checkpoint.ts";
import { ED25519_SIGNATURE_SIZE, type Ed25519KeyPair, ed25519Sign, ed25519Verify } from "./ed25519.ts";
import { keyId, SIGNATURE_TYPE_COSIGNATURE_V1 } from "./key-id.ts";
import { type Note, type NoteSignature, type NoteSigner, type NoteVerifier, signNote } from "./note.ts";
import { fail, ok, type Result } from "./result.ts";

const TIMESTAMP_SIZE = 8;

function checkTimestamp(timestamp: number): void {
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) {
    throw new RangeError(`a timestamp is whole non-negative seconds, got ${timestamp}`);
  }
}

/**
 * The cosigner key ID: SHA-256(name || "\n" || 0x04 || 32-byte public key)[:4], big-endian.
 *
 * @example
 * cosignatureKeyId("NE", ne.publicKey);
 */
export function cosignatureKeyId(name: string, publicKey: Uint8Array): number {
  return keyId(name, SIGNATURE_TYPE_COSIGNATURE_V1, publicKey);
}

/**
 * The signed message: header line, time line (decimal, no leading zeroes), then the
 * checkpoint body including its final newline.
 *
 * @example
 * cosignatureMessage("o\n1\n<root>\n", 1679315147); // utf8("cosignature/v1\ntime 1679315147\no\n1\n<root>\n")
 */
export function cosignatureMessage(body: string | Uint8Array, timestamp: number): Uint8Array {
  checkTimestamp(timestamp);
  const text = typeof body === "string" ? utf8(body) : body;
  return concatBytes(utf8(`cosignature/v1\ntime ${timestamp}\n`), text);
}

/**
 * A note signer producing cosignature/v1 signatures at the given time (seconds since the
 * epoch, passed in: the ledger reads no clock). Throws if asked to sign a text that is not a
 * checkpoint, which would be a caller's bug; prefer {@link cosignCheckpoint}.
 *
 * @example
 * signNote(note, [cosignatureSigner("US", usKey, 1717000000)]);
 */
export function cosignatureSigner(name: string, key: Ed25519KeyPair, timestamp: number): NoteSigner {
  checkTimestamp(timestamp);
  return {
    name,
    keyId: cosignatureKeyId(name, key.publicKey),
    sign(text) {
      const body = decodeUtf8(text);
      if (body === null || !parseCheckpoint(body).ok)
        throw new RangeError("a cosignature signs checkpoints only");
      return concatBytes(
        uint64BE(timestamp),
        ed25519Sign(key.privateKey, cosignatureMessage(text, timestamp)),
      );
    },
  };
}

/**
 * A note verifier for one cosigner's cosignature/v1 signatures; use it with `openNote` or
 * `openCheckpoint`. It rejects bodies that are not checkpoints and timestamps above 2^53 − 1.
 *
 * @example
 * openCheckpoint(message, [cosignatureVerifier("US", usPublicKey), cosignatureVerifier("NE", nePublicKey)]);
 */
export function cosignatureVerifier(name: string, publicKey: Uint8Array): NoteVerifier {
  return {
    name,
    keyId: cosignatureKeyId(name, publicKey),
    verify(text, signature) {
      if (signature.length !== TIMESTAMP_SIZE + ED25519_SIGNATURE_SIZE) return false;
      const timestamp = readUint64BE(signature, 0);
      if (timestamp > BigInt(Number.MAX_SAFE_INTEGER)) return false;
      const body = decodeUtf8(text);
      if (body === null || !parseCheckpoint(body).ok) return false;
      const message = cosignatureMessage(text, Number(timestamp));
      return ed25519Verify(publicKey, message, signature.subarray(TIMESTAMP_SIZE));
    },
  };
}

/**
 * Adds a party's cosignature to a checkpoint note (replacing an older one by the same key).
 * Fails if the note text is not a well-formed checkpoint: a party never cosigns anything else.
 *
 * @example
 * const r = cosignCheckpoint({ text: body, signatures: [] }, "US", usKey, 1717000000);
 * if (r.ok) formatNote(r.value);
 */
export function cosignCheckpoint(
  note: Note,
  name: string,
  key: Ed25519KeyPair,
  timestamp: number,
): Result<Note> {
  const parsed = parseCheckpoint(note.text);
  if (!parsed.ok) return parsed;
  return ok(signNote(note, [cosignatureSigner(name, key, timestamp)]));
}

/**
 * The timestamp carried by a cosignature/v1 signature, without verifying it.
 *
 * @example
 * cosignatureTimestamp(sig); // { ok: true, value: 1727964367 }
 */
export function cosignatureTimestamp(signature: NoteSignature): Result<number> {
  if (signature.signature.length !== TIMESTAMP_SIZE + ED25519_SIGNATURE_SIZE) {
    return fail("ledger.cosignature.malformed", "a cosignature/v1 has 8 + 64 bytes after the key ID");
  }
  const t = readUint64BE(signature.signature, 0);
  if (t > BigInt(Number.MAX_SAFE_INTEGER))
    return fail("ledger.cosignature.malformed", "timestamp out of range");
  return ok(Number(t));
}

/**
 * Verifies one cosignature of a checkpoint body by the named party, returning its timestamp.
 *
 * @example
 * const r = verifyCosignature(body, sig, "NE", nePublicKey);
 * if (r.ok) r.value; // the time NE cosigned, in seconds
 */
export function verifyCosignature(
  body: string,
  signature: NoteSignature,
  name: string,
  publicKey: Uint8Array,
): Result<number> {
  const verifier = cosignatureVerifier(name, publicKey);
  if (signature.name !== name || signature.keyId !== verifier.keyId) {
    return fail("ledger.cosignature.wrong_key", `the signature is not from ${name}'s cosigning key`);
  }
  if (!parseCheckpoint(body).ok)
    return fail("ledger.cosignature.not_checkpoint", "the body is not a checkpoint");
  if (!verifier.verify(utf8(body), signature.signature)) {
    return fail("ledger.cosignature.bad_signature", `the cosignature of ${name} does not verify`);
  }
  return cosignatureTimestamp(signature);
}
