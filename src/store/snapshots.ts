/**
 * SQL snapshots, as Immich commits them: every repository query (and the migrations' DDL) is
 * compiled for both dialects and written to `queries/<name>.<dialect>.sql`, so a change to the
 * SQL the store sends shows up in review. `npm run store:snapshots` rewrites the files and
 * `snapshots.test.ts` fails when they are stale.
 *
 * The queries are captured by running the real repository functions against a driver that
 * records each compiled query and answers every one with a single empty row.
 */
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from "kysely";
import type { DB } from "./schema.ts";
import { SNAPSHOT_CASES, type SnapshotCase } from "./snapshot-cases.ts";

/** The two SQL dialects the store speaks. */
export type SqlDialect = "sqlite" | "postgres";

/** Both dialects, in file order. */
export const SQL_DIALECTS: readonly SqlDialect[] = ["sqlite", "postgres"];

/** One snapshot file: its path under `src/store/` and its text. */
export interface SnapshotFile {
  readonly path: string;
  readonly text: string;
}

/** A connection that records queries instead of running them. */
class RecordingConnection implements DatabaseConnection {
  constructor(private readonly log: CompiledQuery[]) {}

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    this.log.push(compiledQuery);
    // One empty row and one affected row let the repository code run its whole happy path.
    return { rows: [{} as R], numAffectedRows: 1n };
  }

  // Never called: present only because DatabaseConnection requires it.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error("snapshots do not stream");
  }
}

/** A driver whose one connection records queries; transactions are not recorded. */
class RecordingDriver implements Driver {
  constructor(private readonly log: CompiledQuery[]) {}
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return new RecordingConnection(this.log);
  }
  async beginTransaction(): Promise<void> {}
  async commitTransaction(): Promise<void> {}
  async rollbackTransaction(): Promise<void> {}
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {}
}

/** A Kysely instance for `dialect` that records into `log`. */
function recordingDb(dialect: SqlDialect, log: CompiledQuery[]): Kysely<DB> {
  const recording: Dialect =
    dialect === "sqlite"
      ? {
          createAdapter: () => new SqliteAdapter(),
          createDriver: () => new RecordingDriver(log),
          createIntrospector: (db) => new SqliteIntrospector(db),
          createQueryCompiler: () => new SqliteQueryCompiler(),
        }
      : {
          createAdapter: () => new PostgresAdapter(),
          createDriver: () => new RecordingDriver(log),
          createIntrospector: (db) => new PostgresIntrospector(db),
          createQueryCompiler: () => new PostgresQueryCompiler(),
        };
  return new Kysely<DB>({ dialect: recording });
}

/** Clauses that start a new line when they appear outside parentheses and quotes. */
const BREAK_BEFORE = [
  "from",
  "inner join",
  "left join",
  "where",
  "and",
  "group by",
  "order by",
  "limit",
  "offset",
  "values",
  "set",
  "on conflict",
  "returning",
];

/**
 * Lays out one compiled statement for reading: a clause per line, and one column per line in
 * CREATE TABLE. Only whitespace outside quotes changes.
 */
export function formatSql(statement: string): string {
  const isCreateTable = statement.startsWith("create table");
  let out = "";
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < statement.length; i++) {
    const ch = statement[i] ?? "";
    if (quote !== undefined) {
      out += ch;
      if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      out += ch;
      continue;
    }
    if (ch === "(") {
      depth++;
      out += isCreateTable && depth === 1 ? "(\n  " : ch;
      continue;
    }
    if (ch === ")") {
      out += isCreateTable && depth === 1 ? "\n)" : ch;
      depth--;
      continue;
    }
    if (isCreateTable && depth === 1 && ch === "," && statement[i + 1] === " ") {
      out += ",\n  ";
      i++;
      continue;
    }
    if (ch === " " && depth === 0) {
      const rest = statement.slice(i + 1);
      const clause = BREAK_BEFORE.find((k) => rest.startsWith(`${k} `));
      if (clause !== undefined) {
        out += clause === "and" ? "\n  " : "\n";
        continue;
      }
    }
    out += ch;
  }
  return out;
}

/** Runs one case against a recording database and returns what it sent. */
async function capture(dialect: SqlDialect, run: SnapshotCase["run"]): Promise<CompiledQuery[]> {
  const log: CompiledQuery[] = [];
  const db = recordingDb(dialect, log);
  try {
    await run(db);
  } finally {
    await db.destroy();
  }
  return log;
}

/**
 * Renders every snapshot file from the current code.
 *
 * @example
 * for (const f of await renderSnapshots()) writeFileSync(join("src/store", f.path), f.text);
 */
export async function renderSnapshots(): Promise<SnapshotFile[]> {
  const groups = [...new Set(SNAPSHOT_CASES.map((c) => c.group))];
  const files: SnapshotFile[] = [];
  for (const group of groups) {
    for (const dialect of SQL_DIALECTS) {
      const parts = [
        `-- Generated by \`npm run store:snapshots\` from src/store/${SNAPSHOT_CASES.find((c) => c.group === group)?.source ?? ""}: do not edit.`,
        `-- The SQL it sends to ${dialect === "sqlite" ? "SQLite" : "PostgreSQL"}, with sample parameters.`,
      ];
      for (const c of SNAPSHOT_CASES.filter((x) => x.group === group)) {
        parts.push("", `-- ${c.name}`);
        for (const q of await capture(dialect, c.run)) {
          parts.push(`${formatSql(q.sql)};`);
          if (q.parameters.length > 0) parts.push(`-- parameters: ${JSON.stringify(q.parameters)}`);
        }
      }
      files.push({ path: `queries/${group}.${dialect}.sql`, text: `${parts.join("\n")}\n` });
    }
  }
  return files;
}
