/**
 * The ledger's keys: the log operator's (the server signs checkpoints under the log's origin)
 * and one cosigning key per party. Kept in the data directory as C2SP signer keys
 * (`PRIVATE+KEY+name+id+…`, file mode 0600) with their public verifier keys beside them;
 * generated on first start.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Ed25519KeyPair, ed25519FromSeed, ed25519Seed, generateEd25519KeyPair } from "#ledger/ed25519.ts";
import { SIGNATURE_TYPE_COSIGNATURE_V1, SIGNATURE_TYPE_ED25519 } from "#ledger/key-id.ts";
import { formatSignerKey, formatVerifierKey, parseSignerKey } from "#ledger/verifier-key.ts";

/** A named key pair. */
export interface NamedKey {
  readonly name: string;
  readonly pair: Ed25519KeyPair;
}

/** The operator's key and each party's cosigning key (by party code; the key name is the code). */
export interface LedgerKeys {
  /** The log's origin, e.g. `drawdown.commission/niger-2024`: also the operator key's name. */
  readonly origin: string;
  readonly log: NamedKey;
  readonly parties: ReadonlyMap<string, NamedKey>;
}

/** Public verifier keys (vkeys) of a ledger: what `ledger verify` needs. */
export interface LedgerVerifierKeys {
  readonly origin: string;
  /** The operator's vkey (Ed25519, type 0x01). */
  readonly log: string;
  /** Party code → cosigner vkey (cosignature/v1, type 0x04). */
  readonly parties: Readonly<Record<string, string>>;
}

/** The log origin of a scenario. */
export function originOf(scenarioId: string): string {
  return `drawdown.commission/${scenarioId}`;
}

/**
 * Fresh keys in memory (tests, or a first start before they are written).
 *
 * @example
 * const keys = generateLedgerKeys("drawdown.commission/niger-2024", ["US", "NE"]);
 */
export function generateLedgerKeys(origin: string, parties: readonly string[]): LedgerKeys {
  return {
    origin,
    log: { name: origin, pair: generateEd25519KeyPair() },
    parties: new Map(parties.map((p) => [p, { name: p, pair: generateEd25519KeyPair() }])),
  };
}

/**
 * The public keys of a ledger, as vkeys.
 *
 * @example
 * verifierKeysOf(keys).parties.NE; // "NE+1a2b3c4d+BA…"
 */
export function verifierKeysOf(keys: LedgerKeys): LedgerVerifierKeys {
  return {
    origin: keys.origin,
    log: formatVerifierKey(keys.log.name, SIGNATURE_TYPE_ED25519, keys.log.pair.publicKey),
    parties: Object.fromEntries(
      [...keys.parties].map(([code, k]) => [code, formatVerifierKey(k.name, SIGNATURE_TYPE_COSIGNATURE_V1, k.pair.publicKey)]),
    ),
  };
}

const fileName = (what: string) => what.replace(/[^A-Za-z0-9._-]/g, "_");

function loadOrCreate(dir: string, file: string, name: string, type: number): Ed25519KeyPair {
  const path = join(dir, `${file}.key`);
  if (existsSync(path)) {
    const parsed = parseSignerKey(readFileSync(path, "utf8").trim());
    if (!parsed.ok) throw new Error(`${path} is not a signer key: ${parsed.reason}`);
    if (parsed.value.name !== name) throw new Error(`${path} holds the key of ${parsed.value.name}, expected ${name}`);
    return ed25519FromSeed(parsed.value.seed);
  }
  const pair = generateEd25519KeyPair();
  writeFileSync(path, `${formatSignerKey(name, type, ed25519Seed(pair.privateKey))}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
  writeFileSync(join(dir, `${file}.vkey`), `${formatVerifierKey(name, type, pair.publicKey)}\n`, { mode: 0o644 });
  return pair;
}

/**
 * Reads the keys from `dir` (`keys/` under the data directory), creating any that are missing.
 *
 * @example
 * const keys = loadOrCreateLedgerKeys("data/keys", "drawdown.commission/niger-2024", ["US", "NE"]);
 */
export function loadOrCreateLedgerKeys(dir: string, origin: string, parties: readonly string[]): LedgerKeys {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const log = { name: origin, pair: loadOrCreate(dir, `log-${fileName(origin)}`, origin, SIGNATURE_TYPE_ED25519) };
  return {
    origin,
    log,
    parties: new Map(
      parties.map((p) => [p, { name: p, pair: loadOrCreate(dir, `cosigner-${fileName(p)}`, p, SIGNATURE_TYPE_COSIGNATURE_V1) }]),
    ),
  };
}

/**
 * Writes the public keys as `.vkey` files under the names `loadOrCreateLedgerKeys` gives them:
 * what a party hands its auditors so that `ledger verify` can run without any private key.
 *
 * @example
 * writeVerifierKeys("audit/keys", verifierKeysOf(keys));
 */
export function writeVerifierKeys(dir: string, keys: LedgerVerifierKeys): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `log-${fileName(keys.origin)}.vkey`), `${keys.log}\n`, { mode: 0o644 });
  for (const [party, vkey] of Object.entries(keys.parties)) writeFileSync(join(dir, `cosigner-${fileName(party)}.vkey`), `${vkey}\n`, { mode: 0o644 });
}

/**
 * Reads only the public keys from `dir` (what `ledger verify` uses: no private key needed).
 *
 * @example
 * readVerifierKeys("data/keys", "drawdown.commission/niger-2024", ["US", "NE"]);
 */
export function readVerifierKeys(dir: string, origin: string, parties: readonly string[]): LedgerVerifierKeys | undefined {
  const read = (file: string) => {
    const path = join(dir, `${file}.vkey`);
    return existsSync(path) ? readFileSync(path, "utf8").trim() : undefined;
  };
  const log = read(`log-${fileName(origin)}`);
  if (log === undefined) return undefined;
  const entries: [string, string][] = [];
  for (const p of parties) {
    const v = read(`cosigner-${fileName(p)}`);
    if (v !== undefined) entries.push([p, v]);
  }
  return { origin, log, parties: Object.fromEntries(entries) };
}
