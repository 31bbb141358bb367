/**
 * The joint report on the Niger scenario after a day of decisions: its figures agree with the
 * records, both parties get the same report with no personal data, the latest final checkpoint
 * is the one both cosigned; and the PDF is printed by Chromium from the web app's Report page
 * (English, then French on its own pages), or refused with a 503 that names the fix.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { OpenAPIHono } from "@hono/zod-openapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sqliteTestEngine } from "#store/testing/engines.ts";
import { errorHandler } from "../problem.ts";
import type { AppEnv } from "../request.ts";
import { RouteTable } from "../route-table.ts";
import { type TestServer, type TestSession, testServer } from "../testing/harness.ts";
import { registerReportRoutes } from "./report.ts";

const WEB_DIST = fileURLToPath(new URL("../../../web/dist", import.meta.url));
const engine = sqliteTestEngine();
let s: TestServer;
let planner: TestSession;
let usMember: TestSession;
let neMember: TestSession;
let finalSize = 0;

beforeAll(async () => {
  const { handle } = await engine.fresh({ migrate: false });
  s = await testServer(handle.db, { scenario: "niger-2024", now: "2024-05-20T08:00:00.000Z", webRoot: WEB_DIST });
  [planner, usMember, neMember] = await Promise.all(["us-planner", "us-member", "ne-member"].map((u) => s.login(u))) as [TestSession, TestSession, TestSession];
  const officer = await s.login("ne-officer");
  expect((await s.request(planner, "POST", "/api/plans", { body: {} })).status).toBe(201);
  expect((await s.request(planner, "POST", "/api/dispositions/from-scenario", { body: {} })).status).toBe(201);
  const drafts = await s.request(planner, "POST", "/api/clearances/drafts", { body: { sorties: ["S0001", "S0002"], callSignPrefix: "RCH", crew: 5 } });
  expect(drafts.status).toBe(201);
  const drafted = drafts.body.drafted as { id: string; version: number }[];
  expect((await s.request(planner, "POST", "/api/clearances/submit", { body: { items: drafted.map((d) => ({ id: d.id, version: d.version })) } })).status).toBe(200);
  const list = (await s.request(officer, "GET", "/api/clearances?status=submitted")).body.items as { id: string; version: number; source: { sortie: string }; details: { firstAt: string; lastAt: string } }[];
  const day = 86_400_000;
  for (const r of list.filter((x) => x.source.sortie === "S0001")) {
    const body = { clearanceNumber: `NE-${r.id}`, validFrom: new Date(Date.parse(r.details.firstAt) - day).toISOString(), validTo: new Date(Date.parse(r.details.lastAt) + day).toISOString() };
    expect((await s.request(officer, "POST", `/api/clearances/${r.id}/approve`, { body, ifMatch: r.version })).status).toBe(200);
  }
  const deny = list.find((x) => x.source.sortie === "S0002");
  if (deny === undefined) throw new Error("S0002 has a request to Niger");
  expect((await s.request(officer, "POST", `/api/clearances/${deny.id}/deny`, { body: { reason: "apron closed" }, ifMatch: deny.version })).status).toBe(200);
  finalSize = (await s.request(usMember, "GET", "/api/ledger/final")).body.latestCheckpoint as number;
  expect((await s.request(usMember, "POST", `/api/ledger/checkpoints/${finalSize}/cosignatures/US`, { body: {} })).status).toBe(200);
  expect((await s.request(neMember, "POST", `/api/ledger/checkpoints/${finalSize}/cosignatures/NE`, { body: {} })).status).toBe(200);
  // A decision after the cosigned checkpoint: the report's final checkpoint must stay the cosigned one.
  const p = await s.request(planner, "POST", "/api/persons", { body: { personal: { name: "Airman One", nationality: "US", documentNumber: "P12345", unit: "409th AEG" } } });
  expect(p.status).toBe(201);
  expect((await s.request(planner, "POST", `/api/persons/${p.body.id}/entries`, { body: { site: "NIAMEY" }, ifMatch: 0 })).status).toBe(201);
}, 120_000);

afterAll(() => engine.cleanup());

describe("GET /api/report", () => {
  it("counts what the records hold", async () => {
    const r = (await s.request(usMember, "GET", "/api/report")).body;
    expect(r.scenario).toMatchObject({ id: "niger-2024", deadline: "2024-09-15T22:59:00Z" });
    expect(r.parties.map((p: { code: string; role: string }) => `${p.code}:${p.role}`)).toEqual(["US:departing", "NE:host"]);

    const clearances = (await s.request(usMember, "GET", "/api/clearances")).body.items as { status: string; country: string }[];
    const ne = r.clearances.byCountry.find((c: { country: string }) => c.country === "NE");
    expect(r.clearances.total).toBe(clearances.length);
    expect(ne.counts.approved).toBe(clearances.filter((c) => c.status === "approved").length);
    expect(ne.counts.denied).toBe(1);

    const movements = (await s.request(usMember, "GET", "/api/movements")).body.items as { status: string; kind: string }[];
    expect(r.movements.byKind.reduce((n: number, k: { total: number }) => n + k.total, 0)).toBe(movements.length);
    expect(r.movements.planned.length).toBe(movements.filter((m) => m.status !== "cancelled" && m.status !== "departed" && m.status !== "arrived").length);
    const departs = r.movements.planned.map((m: { departAt: string }) => m.departAt);
    expect([...departs].sort()).toEqual(departs);

    const dispositions = (await s.request(usMember, "GET", "/api/dispositions")).body.items as { quantity: number }[];
    const lines = r.dispositions.byIntent.reduce((n: number, x: { lines: number }) => n + x.lines, 0);
    expect(lines).toBe(dispositions.length);
    expect(r.dispositions.byIntent.reduce((n: number, x: { quantity: number; remaining: number }) => n + x.quantity - x.remaining, 0)).toBe(0);

    expect(r.personnel.headcount).toBe(1);
    expect(r.personnel.bySite).toEqual([{ site: "NIAMEY", present: 1, entries: 1, exits: 0, transfersIn: 0, transfersOut: 0 }]);
    expect(r.personnel.reconciliation).toMatchObject({ inCountry: 1, left: 0, neverEntered: 0 });
  });

  it("names the checkpoint both parties cosigned, with their key IDs, even after later decisions", async () => {
    const r = (await s.request(neMember, "GET", "/api/report")).body;
    const keys = (await s.request(undefined, "GET", "/api/ledger/keys")).body as { parties: Record<string, string> };
    expect(r.ledger.finalSize).toBe(finalSize);
    expect(r.ledger.size).toBeGreaterThan(finalSize);
    expect(r.ledger.latestFinal.treeSize).toBe(finalSize);
    const cp = (await s.request(neMember, "GET", "/api/ledger/checkpoints")).body.items.find((c: { treeSize: number }) => c.treeSize === finalSize);
    expect(r.ledger.latestFinal.rootHash).toBe(cp.rootHash);
    expect(r.ledger.latestFinal.body).toBe(cp.body);
    expect(r.ledger.latestFinal.cosignatures.map((c: { party: string; keyId: string; at: string }) => [c.party, c.keyId, c.at]).sort()).toEqual(
      [
        ["NE", keys.parties.NE?.split("+")[1], "2024-05-20T08:00:00.000Z"],
        ["US", keys.parties.US?.split("+")[1], "2024-05-20T08:00:00.000Z"],
      ].sort(),
    );
  });

  it("is the same joint report for both parties, with no personal data", async () => {
    const us = (await s.request(usMember, "GET", "/api/report")).body;
    const ne = (await s.request(await s.login("ne-observer"), "GET", "/api/report")).body;
    expect(ne).toEqual(us);
    const text = JSON.stringify(us);
    for (const personal of ["Airman One", "P12345", "409th AEG"]) expect(text).not.toContain(personal);
  });

  it("needs a session", async () => {
    expect((await s.request(undefined, "GET", "/api/report")).status).toBe(401);
    expect((await s.request(undefined, "GET", "/api/report/pdf")).status).toBe(401);
  });
});

describe("GET /api/report/pdf", () => {
  const pdfOf = async (session: TestSession) => {
    const res = await s.app.request("http://drawdown.test/api/report/pdf", { headers: { cookie: session.cookie } });
    return { res, bytes: Buffer.from(await res.arrayBuffer()) };
  };

  it.runIf(existsSync(`${WEB_DIST}/index.html`) && existsSync("/usr/bin/chromium"))(
    "prints the web app's Report page to a PDF of several pages, once per state of the record",
    async () => {
      const first = await pdfOf(neMember);
      expect(first.res.status, first.bytes.toString("utf8", 0, 300)).toBe(200);
      expect(first.res.headers.get("content-type")).toBe("application/pdf");
      expect(first.res.headers.get("content-disposition")).toBe('attachment; filename="drawdown-report-niger-2024-2024-05-20.pdf"');
      const text = first.bytes.toString("latin1");
      expect(text.startsWith("%PDF-")).toBe(true);
      // English, then French from a new page: at least two pages.
      expect((text.match(/\/Type\s*\/Page\b/g) ?? []).length).toBeGreaterThanOrEqual(2);
      // Nothing changed in the record and the clock is in the same minute: the same file, for the other party too.
      const second = await pdfOf(usMember);
      expect(second.bytes.equals(first.bytes)).toBe(true);
    },
    120_000,
  );

  it("answers 503 naming the fix when the web app is not built", async () => {
    const { handle } = await engine.fresh({ migrate: false });
    const bare = await testServer(handle.db, { webRoot: "/nonexistent/web/dist" });
    const r = await bare.request(await bare.login("dp-observer"), "GET", "/api/report/pdf");
    expect(r.status).toBe(503);
    expect(r.body.code).toBe("report.web_not_built");
    expect(r.body.detail).toContain("npm run web:build");
  });

  it("answers 503 naming the fix when Chromium is missing", async () => {
    const app = new OpenAPIHono<AppEnv>();
    app.use("*", async (c, next) => {
      c.set("actor", { id: "u-1" as never, party: "US" as never, side: "departing", roles: ["observer"] });
      await next();
    });
    app.onError(errorHandler(s.logger));
    registerReportRoutes(app, new RouteTable(), s.deps, { chromium: "/nonexistent/chromium" });
    const res = await app.request("/api/report/pdf");
    expect(res.status).toBe(503);
    const body = (await res.json()) as { code: string; detail: string };
    expect(body.code).toBe("report.no_chromium");
    expect(body.detail).toContain("apt-get install -y chromium");
  });
});
