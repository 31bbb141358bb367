/**
 * `drawdown import <roster> --kind personnel --url URL`: a unit's roster into a running server's
 * person register. The register lives in the server (with the ledger its decisions go to), so the
 * command logs in as a planner of the departing party (`DRAWDOWN_USERNAME`, `DRAWDOWN_PASSWORD`)
 * and uses the same preview and import the Scenario page uses: the same checks, the same policy,
 * the same ledger leaves. Every bad cell is listed; nothing is registered unless every row is valid.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import type { z } from "zod";
import type { personnelImportPreviewSchema, personnelImportResultSchema } from "#server/routes/scenario-page-wire.ts";
import type { Io } from "./io.ts";
import { UserError } from "./io.ts";
import type { ServerEnv } from "./server-env.ts";

type Preview = z.infer<typeof personnelImportPreviewSchema>;
type Result = z.infer<typeof personnelImportResultSchema>;

/** Options of the personnel import. */
export interface ImportPersonnelOptions {
  readonly url?: string;
  readonly dryRun?: boolean;
  readonly sheet?: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Logs in and returns the session's cookie and CSRF token. */
async function logIn(base: string, env: ServerEnv, fetcher: typeof fetch): Promise<{ cookie: string; csrf: string }> {
  const username = env.DRAWDOWN_USERNAME;
  const password = env.DRAWDOWN_PASSWORD;
  if (username === undefined || password === undefined)
    throw new UserError("set DRAWDOWN_USERNAME and DRAWDOWN_PASSWORD to the account of a movement planner of the departing party");
  let res: Response;
  try {
    res = await fetcher(new URL("/api/auth/login", base).href, {
      method: "POST",
      headers: { "content-type": "application/json", origin: new URL(base).origin },
      body: JSON.stringify({ username, password }),
    });
  } catch (e) {
    throw new UserError(`cannot reach ${base}: ${(e as Error).message}. Is the server running (drawdown serve)?`);
  }
  if (res.status !== 200) throw new UserError(`cannot log in to ${base} as ${username} (HTTP ${res.status}); check DRAWDOWN_USERNAME and DRAWDOWN_PASSWORD`);
  const body = (await res.json()) as { csrfToken?: string };
  return { cookie: res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; "), csrf: body.csrfToken ?? "" };
}

/** Posts to the server; a refusal becomes a UserError saying what to do. */
async function post<T>(base: string, path: string, body: unknown, session: { cookie: string; csrf: string }, fetcher: typeof fetch): Promise<{ status: number; body: T }> {
  const res = await fetcher(new URL(path, base).href, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: session.cookie, "x-csrf-token": session.csrf, origin: new URL(base).origin },
    body: JSON.stringify(body),
  });
  const answer = (await res.json().catch(() => null)) as (T & { detail?: string; title?: string }) | null;
  if (res.status === 403) throw new UserError("this account may not register persons: only a movement planner of the departing party may import a roster", 2);
  if (res.status >= 400 && res.status !== 422) throw new UserError(`${path} answered HTTP ${res.status}: ${answer?.detail ?? answer?.title ?? "no detail"}`);
  return { status: res.status, body: answer as T };
}

/**
 * Checks a roster on the server (`--dry-run`) or registers it. Exit 0 registered (or would be), 2 bad input.
 *
 * @example
 * await importPersonnelCommand(io, "roster.csv", { url: "http://localhost:8080" });
 */
export async function importPersonnelCommand(io: Io, file: string, opts: ImportPersonnelOptions, env: ServerEnv = process.env, fetcher: typeof fetch = fetch): Promise<number> {
  if (opts.url === undefined)
    throw new UserError("--kind personnel imports into a running server's person register: give --url http://host:8080 (see docs/personnel-import.md)");
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(`cannot read ${file}: ${code === "ENOENT" ? "no such file" : (code ?? "unreadable")}. Check the path (relative to ${process.cwd()}).`);
  }
  const request = { fileName: basename(file), content: bytes.toString("base64"), ...(opts.sheet === undefined ? {} : { sheet: opts.sheet }) };
  const session = await logIn(opts.url, env, fetcher);
  const preview = (await post<Preview>(opts.url, "/api/personnel/import/preview", request, session, fetcher)).body;
  for (const note of preview.notes) io.err(`${file}: ${note.text}`);
  if (!preview.ok || preview.summary === null) {
    io.err(preview.issues.map((i) => `${file}: ${i.where}: ${i.message}; ${i.hint}`).join("\n"));
    io.err(`${plural(preview.issues.length, "problem")} in ${file}; nothing was registered.`);
    return 2;
  }
  const s = preview.summary;
  const headline = `${file}: ${plural(s.persons, "person")}, ${s.entries} recorded as present (${s.bySite.map((b) => `${b.site} ${b.persons}`).join(", ") || "none"}); the register holds ${plural(preview.registered, "person")} of the party now`;
  if (opts.dryRun === true) {
    io.out([headline, ...s.byUnit.map((u) => `  ${u.unit}: ${u.persons}`), `dry run: nothing was registered on ${opts.url}`].join("\n"));
    return 0;
  }
  const done = await post<Result & { errors?: { path: string; message: string }[] }>(opts.url, "/api/personnel/import", request, session, fetcher);
  if (done.status === 422) {
    // Someone registered some of these people since the check: list what the server says.
    io.err((done.body.errors ?? []).map((e) => `${file}: ${e.path}: ${e.message}`).join("\n"));
    io.err(`the server refused ${file}; nothing was registered.`);
    return 2;
  }
  io.out(`${headline}\nregistered: ${done.body.persons.length} persons (${done.body.persons[0] ?? ""} … ${done.body.persons.at(-1) ?? ""}); the register now holds ${plural(done.body.registered, "person")} of the party`);
  return 0;
}
