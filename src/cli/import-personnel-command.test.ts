/**
 * `drawdown import --kind personnel` against a real HTTP server (synthetic-small on SQLite): a bad
 * roster listed cell by cell with nothing registered, a dry run, the import, the same roster
 * refused the second time, an account that may not import, and the usage errors.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_PASSWORD, type TestServer, testServer } from "#server/testing/harness.ts";
import { sqliteTestEngine } from "#store/testing/engines.ts";
import { runCli } from "#test/cli-harness.ts";

const engine = sqliteTestEngine();
let s: TestServer;
let url: string;
let close: () => Promise<void>;
const dir = mkdtempSync(join(tmpdir(), "drawdown-roster-"));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const HEADER = "name,nationality,document_number,unit,site";
const good = file("roster.csv", `${HEADER}\nDOE Jane,XD,D-1,1 Log Bn,MAIN\nROE Rick,XD,D-2,1 Log Bn,OUTPOST\nPOE Ed,XD,D-3,1 Log Bn,\n`);
const bad = file("roster-bad.csv", `${HEADER}\nDOE Jane,XD,D-1,1 Log Bn,MIAN\nROE Rick,Xanadu,D-2,1 Log Bn,OUTPOST\n`);

beforeAll(async () => {
  const { handle } = await engine.fresh({ migrate: false });
  s = await testServer(handle.db);
  const server = serve({ fetch: s.app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise<void>((resolve) => server.close(() => resolve()));
});
afterAll(async () => {
  await close?.();
  await engine.cleanup();
});

const as = (user: string) => {
  process.env.DRAWDOWN_USERNAME = user;
  process.env.DRAWDOWN_PASSWORD = TEST_PASSWORD;
};
const persons = async () => (await s.request(await s.login("dp-planner"), "GET", "/api/persons")).body.items as { name: string }[];

describe("drawdown import --kind personnel", () => {
  it("lists every bad cell of a roster with its line and column, and registers nothing", async () => {
    as("dp-planner");
    const r = await runCli(["import", bad, "--kind", "personnel", "--url", url]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${bad}: line 2, column "site": unknown site "MIAN"; use a host-country site of the scenario: MAIN, OUTPOST`);
    expect(r.err).toContain(`${bad}: line 3, column "nationality": "Xanadu" is not a country code;`);
    expect(r.err).toContain(`2 problems in ${bad}; nothing was registered.`);
    expect(await persons()).toEqual([]);
  });

  it("previews with --dry-run, registers, then refuses the same people again", async () => {
    as("dp-planner");
    const dry = await runCli(["import", good, "--kind", "personnel", "--url", url, "--dry-run"]);
    expect(dry.code, dry.err).toBe(0);
    expect(dry.out).toContain(`${good}: 3 persons, 2 recorded as present (MAIN 1, OUTPOST 1); the register holds 0 persons of the party now`);
    expect(dry.out).toContain("dry run: nothing was registered");
    expect(await persons()).toEqual([]);

    const done = await runCli(["import", good, "--kind", "personnel", "--url", url]);
    expect(done.code, done.err).toBe(0);
    expect(done.out).toMatch(/registered: 3 persons \(P-\S+ … P-\S+\); the register now holds 3 persons of the party/);
    expect((await persons()).map((p) => p.name)).toEqual(["DOE Jane", "ROE Rick", "POE Ed"]);

    const again = await runCli(["import", good, "--kind", "personnel", "--url", url]);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/line 2, column "document_number": document number D-1 is already in the register, as P-/);
  });

  it("refuses an account that may not register persons, and explains usage errors", async () => {
    as("hp-planner");
    const host = await runCli(["import", good, "--kind", "personnel", "--url", url]);
    expect(host.code).toBe(2);
    expect(host.err).toContain("only a movement planner of the departing party may import a roster");
    as("dp-planner");
    expect((await runCli(["import", good, "--kind", "personnel"])).err).toContain("give --url http://host:8080");
    expect((await runCli(["import", good, "--kind", "personnel", "--url", url, "--into", "x.json"])).err).toContain("--into, --append and --replace are for cargo");
    expect((await runCli(["import", good, "--url", url])).err).toContain("--url is for --kind personnel");
    expect((await runCli(["import", good])).err).toContain("--into <scenario.json>");
    const help = await runCli(["import", "--help"]);
    expect(help.out).toContain("--kind <kind>");
    expect(help.out).toContain("name, nationality (ISO code), document_number, unit");
  });
});
