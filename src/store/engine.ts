/**
 * Which engine a configuration names, decided without touching the disk or the network, so
 * that `openDatabase`, backup and restore agree on it.
 */
import { resolve } from "node:path";
import { StoreError } from "./errors.ts";

/** Where the data lives: the embedded SQLite file, or a PostgreSQL server. */
export type EngineTarget =
  | { readonly kind: "sqlite"; readonly dataDir: string; readonly file: string }
  | { readonly kind: "postgres"; readonly url: string; readonly displayUrl: string };

/** How to reach the database: `databaseUrl` (PostgreSQL) wins over `dataDir` (SQLite). */
export interface DatabaseLocation {
  /** `postgres://…` or `postgresql://…`; when set, PostgreSQL is used. */
  readonly databaseUrl?: string | undefined;
  /** The SQLite data directory; default `./data`. */
  readonly dataDir?: string | undefined;
}

/** The SQLite file's name inside the data directory. */
export const SQLITE_FILE_NAME = "drawdown.sqlite";

/**
 * Decides the engine and its address.
 *
 * @example
 * resolveEngine({}).kind; // "sqlite", file ./data/drawdown.sqlite
 * resolveEngine({ databaseUrl: "postgres://u@db/drawdown" }).kind; // "postgres"
 */
export function resolveEngine(location: DatabaseLocation): EngineTarget {
  const url = location.databaseUrl?.trim();
  if (url !== undefined && url !== "") {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch (cause) {
      throw new StoreError("store.bad_url", "the database URL is not a URL (expected postgres://user@host:port/db)", {
        cause,
      });
    }
    if (parsed.protocol !== "postgres:" && parsed.protocol !== "postgresql:") {
      throw new StoreError(
        "store.bad_url",
        `the database URL uses ${parsed.protocol}, expected postgres:// (leave it unset for the embedded SQLite database)`,
      );
    }
    return { kind: "postgres", url, displayUrl: redactUrl(parsed) };
  }
  const dataDir = resolve(location.dataDir ?? "data");
  return { kind: "sqlite", dataDir, file: resolve(dataDir, SQLITE_FILE_NAME) };
}

/** The URL without its password, fit for logs and error messages. */
function redactUrl(url: URL): string {
  const copy = new URL(url.href);
  if (copy.password !== "") copy.password = "***";
  return copy.href;
}
