/**
 * `drawdown backup <file>` (a consistent copy of the live SQLite database, safe while the
 * server runs) and `drawdown restore <file>` (into a stopped data directory). PostgreSQL is
 * backed up with its own tools; both commands say so.
 */
import { backupDatabase, restoreDatabase } from "#store/backup.ts";
import { StoreError } from "#store/errors.ts";
import { type Io, UserError } from "./io.ts";
import { databaseLocation, type ServerEnv } from "./server-env.ts";

const asUserError = (e: unknown): never => {
  if (e instanceof StoreError) throw new UserError(e.message);
  throw e;
};

/** `drawdown backup <file> [--overwrite]`. */
export async function backupCommand(io: Io, file: string, opts: { overwrite?: boolean }, env: ServerEnv = process.env): Promise<number> {
  const r = await backupDatabase(databaseLocation(env), file, { overwrite: opts.overwrite === true }).catch(asUserError);
  io.out(`backed up to ${r.file} (${r.bytes} bytes)`);
  return 0;
}

/** `drawdown restore <file> [--overwrite]` (stop the server first). */
export async function restoreCommand(io: Io, file: string, opts: { overwrite?: boolean }, env: ServerEnv = process.env): Promise<number> {
  const r = await restoreDatabase(databaseLocation(env), file, { overwrite: opts.overwrite === true }).catch(asUserError);
  io.out(`restored ${r.file} (${r.bytes} bytes; migrations ${r.migrations.join(", ")}); start the server to apply newer ones`);
  return 0;
}
