/**
 * `drawdown ledger verify [--url URL]`: recomputes the ledger's Merkle tree from the first leaf
 * and checks every stored checkpoint (operator signature, root, cosignatures, consistency with
 * the previous one), against the database (`DATA_DIR` / `DATABASE_URL`, with the public keys in
 * the data directory) or a running server (its leaves, checkpoints, keys and consistency
 * proofs; log in with `DRAWDOWN_USERNAME` and `DRAWDOWN_PASSWORD`). Names the first bad entry;
 * exit 1 when anything is wrong.
 */
import { decodeBase64 } from "#ledger/bytes.ts";
import { listParties } from "#store/parties.repository.ts";
import { findSetting } from "#store/settings.repository.ts";
import { CURRENT_SCENARIO } from "#server/bootstrap.ts";
import { type AuditInput, type AuditReport, auditLedger } from "#server/ledger-audit.ts";
import { type LedgerVerifierKeys, originOf, readVerifierKeys } from "#server/ledger-keys.ts";
import { auditDatabase } from "#server/ledger-reader.ts";
import { type Io, UserError } from "./io.ts";
import { keysDir, openServerDatabase, type ServerEnv } from "./server-env.ts";

/** Options of `ledger verify`. */
export interface LedgerVerifyOptions {
  readonly url?: string;
  readonly json?: boolean;
}

/** Runs `ledger verify`; returns the exit code. */
export async function ledgerVerifyCommand(
  io: Io,
  opts: LedgerVerifyOptions,
  env: ServerEnv = process.env,
  fetcher: typeof fetch = fetch,
): Promise<number> {
  const report = opts.url === undefined ? await verifyDatabase(env) : await verifyServer(opts.url, env, fetcher);
  if (opts.json === true) io.out(JSON.stringify(report, null, 2));
  else if (report.ok) {
    io.out(
      `ledger OK: ${report.leaves} leaves, ${report.checkpoints} checkpoints, ${report.cosignatures} cosignatures; ${report.finalSize} decisions final (cosigned by both parties)`,
    );
  } else {
    io.out(`ledger NOT OK: first bad entry: ${report.firstBad?.entry}: ${report.firstBad?.message}`);
    for (const p of report.problems.slice(0, 50)) io.out(`  ${p.entry}: ${p.message}`);
    if (report.problems.length > 50) io.out(`  … and ${report.problems.length - 50} more`);
  }
  return report.ok ? 0 : 1;
}

async function verifyDatabase(env: ServerEnv): Promise<AuditReport> {
  const store = await openServerDatabase(env);
  try {
    const current = await findSetting(store.db, CURRENT_SCENARIO).catch(() => undefined);
    if (current === undefined) throw new UserError("this database has no ledger yet: start the server once (drawdown serve)");
    const origin = originOf(JSON.parse(current.value) as string);
    const parties = (await listParties(store.db)).map((p) => p.code);
    const keys = readVerifierKeys(keysDir(env), origin, parties);
    if (keys === undefined) throw new UserError(`no ledger keys for ${origin} in ${keysDir(env)} (set DATA_DIR to the server's data directory)`);
    return await auditDatabase(store.db, keys);
  } finally {
    await store.close();
  }
}

async function verifyServer(base: string, env: ServerEnv, fetcher: typeof fetch): Promise<AuditReport> {
  const url = (path: string) => new URL(path, base).href;
  const keys = (await getJson(fetcher, url("/api/ledger/keys"))) as LedgerVerifierKeys;
  const username = env.DRAWDOWN_USERNAME;
  const password = env.DRAWDOWN_PASSWORD;
  if (username === undefined || password === undefined)
    throw new UserError("set DRAWDOWN_USERNAME and DRAWDOWN_PASSWORD (any account of either party: the ledger is open to both)");
  const login = await fetcher(url("/api/auth/login"), {
    method: "POST",
    headers: { "content-type": "application/json", origin: new URL(base).origin },
    body: JSON.stringify({ username, password }),
  });
  if (login.status !== 200) throw new UserError(`cannot log in to ${base} as ${username} (HTTP ${login.status})`);
  const cookie = login.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const get = (path: string) => getJson(fetcher, url(path), cookie);

  const leaves: AuditInput["leaves"][number][] = [];
  for (;;) {
    const page = (await get(`/api/ledger/leaves?from=${leaves.length}`)) as { size: number; items: { index: number; data: string; hash: string }[] };
    leaves.push(...page.items.map((l) => ({ idx: l.index, leaf_data: l.data, leaf_hash: l.hash })));
    if (page.items.length === 0 || leaves.length >= page.size) break;
  }
  const cps = (await get("/api/ledger/checkpoints")) as {
    items: { treeSize: number; rootHash: string; body: string; note: string; cosignatures: { party: string; signature: string }[] }[];
  };
  const hex = (b64: string) => Buffer.from(decodeBase64(b64) ?? new Uint8Array()).toString("hex");
  return auditLedger({
    leaves,
    checkpoints: cps.items.map((c) => ({ tree_size: c.treeSize, root_hash: hex(c.rootHash), body: c.body, signed_note: c.note })),
    cosignatures: cps.items.flatMap((c) => c.cosignatures.map((x) => ({ tree_size: c.treeSize, party: x.party, signature: x.signature }))),
    keys,
    consistency: async (from, to) => {
      const p = (await get(`/api/ledger/consistency?from=${from}&to=${to}`)) as { proof: string[] };
      return p.proof.map((h) => decodeBase64(h) ?? new Uint8Array());
    },
  });
}

async function getJson(fetcher: typeof fetch, href: string, cookie?: string): Promise<unknown> {
  let res: Response;
  try {
    res = await fetcher(href, cookie === undefined ? {} : { headers: { cookie } });
  } catch (e) {
    throw new UserError(`cannot reach ${href}: ${(e as Error).message}`);
  }
  if (!res.ok) throw new UserError(`${href} answered HTTP ${res.status}`);
  return res.json();
}
