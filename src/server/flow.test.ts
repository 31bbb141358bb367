/**
 * The whole flow through the HTTP API, on both engines: plan → clearance drafts (host country
 * only) → bulk submit → the host approves one sortie's requests and denies one of another's →
 * the movement, cleared by the server, departs with its passengers → the headcount drops → the
 * checkpoint is cosigned by both parties → every decision is final → the ledger verifies, and
 * `drawdown ledger verify` passes against the database and against the server's URL.
 */
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { expect, it } from "vitest";
import type { Io } from "#cli/io.ts";
import { ledgerVerifyCommand } from "#cli/ledger-command.ts";
import { describeEngines } from "#store/testing/engines.ts";
import { auditDatabase } from "./ledger-reader.ts";
import { verifierKeysOf, writeVerifierKeys } from "./ledger-keys.ts";
import { TEST_PASSWORD, testServer } from "./testing/harness.ts";

function captureIo() {
  const lines: string[] = [];
  const io: Io = { out: (t) => void lines.push(t), err: (t) => void lines.push(t), interactive: false };
  return { io, text: () => lines.join("\n") };
}

describeEngines("server: the whole flow on niger-2024", (engine) => {
  it("plans, clears, departs, counts, cosigns and verifies", async () => {
    const { handle, location } = await engine.fresh({ migrate: false });
    const s = await testServer(handle.db, { scenario: "niger-2024", now: "2024-05-20T08:00:00.000Z" });
    let [planner, officer, usMember, neMember] = await Promise.all(["us-planner", "ne-officer", "us-member", "ne-member"].map((u) => s.login(u)));

    // 1. The departing party publishes the plan as its baseline.
    const published = await s.request(planner, "POST", "/api/plans", { body: { note: "first baseline" } });
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ number: 1, status: "baseline", scenario: "niger-2024" });

    // 2. Drafts for two sorties: only Niger's requests enter the system; Algeria's are filed elsewhere.
    const drafts = await s.request(planner, "POST", "/api/clearances/drafts", {
      body: { sorties: ["S0001", "S0002"], callSignPrefix: "RCH", crew: 5 },
    });
    expect(drafts.status).toBe(201);
    const drafted = drafts.body.drafted as { id: string; country: string; version: number; source: { sortie: string } }[];
    expect(drafted.length).toBe(4);
    expect(new Set(drafted.map((d) => d.country))).toEqual(new Set(["NE"]));
    expect(drafts.body.filedElsewhere.map((r: { country: string }) => r.country)).toEqual(["DZ", "DZ"]);
    expect(drafts.body.movements).toHaveLength(2);

    // The movements are scheduled before the decisions.
    const movements = (await s.request(planner, "GET", "/api/movements")).body.items as { id: string; planRef: string; version: number; departAt: string }[];
    const m1 = movements.find((m) => m.planRef === "S0001");
    const m2 = movements.find((m) => m.planRef === "S0002");
    if (!m1 || !m2) throw new Error("movements missing");
    for (const m of [m1, m2]) {
      const r = await s.request(planner, "POST", `/api/movements/${m.id}/schedule`, { body: {}, ifMatch: m.version });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body.status).toBe("scheduled");
    }

    // 3. Bulk submission.
    const submitted = await s.request(planner, "POST", "/api/clearances/submit", {
      body: { items: drafted.map((d) => ({ id: d.id, version: d.version })) },
    });
    expect(submitted.status).toBe(200);
    expect(submitted.body.submitted).toBe(4);

    // 4. The host approves S0001's two requests and denies one of S0002's.
    const list = (await s.request(officer, "GET", "/api/clearances?status=submitted")).body.items as {
      id: string;
      version: number;
      abilities: string[];
      source: { sortie: string };
      details: { firstAt: string; lastAt: string };
    }[];
    expect(list).toHaveLength(4);
    expect(list[0]?.abilities).toEqual(expect.arrayContaining(["read", "approve", "deny", "amend"]));
    const day = 86_400_000;
    for (const r of list.filter((x) => x.source.sortie === "S0001")) {
      const approved = await s.request(officer, "POST", `/api/clearances/${r.id}/approve`, {
        ifMatch: r.version,
        body: {
          clearanceNumber: `NE-2024-${r.id}`,
          validFrom: new Date(Date.parse(r.details.firstAt) - day).toISOString(),
          validTo: new Date(Date.parse(r.details.lastAt) + day).toISOString(),
        },
      });
      expect(approved.status, JSON.stringify(approved.body)).toBe(200);
      expect(approved.body.status).toBe("approved");
    }
    const toDeny = list.find((x) => x.source.sortie === "S0002");
    if (!toDeny) throw new Error("no S0002 request");
    const denied = await s.request(officer, "POST", `/api/clearances/${toDeny.id}/deny`, { ifMatch: toDeny.version, body: { reason: "apron closed for works" } });
    expect(denied.status).toBe(200);
    expect(denied.body.status).toBe("denied");

    // The server cleared S0001's movement by itself, as a system actor, in the ledger.
    const cleared = await s.request(planner, "GET", `/api/movements/${m1.id}`);
    expect(cleared.body.status).toBe("cleared");
    const clearedEvent = (cleared.body.history as { type: string; actorId: string }[]).find((e) => e.type === "movement.cleared");
    expect(clearedEvent?.actorId).toBe("system");
    expect((await s.request(planner, "GET", `/api/movements/${m2.id}`)).body.status).toBe("scheduled");

    // 5. People at the boarding site, registered and present.
    const boarding = cleared.body.from as string;
    const persons: string[] = [];
    for (let i = 1; i <= 5; i++) {
      const p = await s.request(planner, "POST", "/api/persons", {
        body: { personal: { name: `Airman Number${i}`, nationality: "US", documentNumber: `P0000${i}`, unit: "409th AEG" } },
      });
      expect(p.status).toBe(201);
      persons.push(p.body.id);
      const e = await s.request(planner, "POST", `/api/persons/${p.body.id}/entries`, { ifMatch: 0, body: { site: boarding } });
      expect(e.status, JSON.stringify(e.body)).toBe(201);
    }
    const before = await s.request(officer, "GET", "/api/personnel/headcount");
    expect(before.body.total).toBe(5);
    expect(before.body.bySite[boarding]).toBe(5);
    // The host sees names, never document numbers.
    const hostView = await s.request(officer, "GET", `/api/persons/${persons[0]}`);
    expect(hostView.body.name).toBe("Airman Number1");
    expect(hostView.body.documentNumber).toBeUndefined();

    // 6. Departure at the planned time with three of them on board.
    s.clock.set(new Date(Date.parse(cleared.body.departAt) + 10 * 60_000));
    // Two weeks later: the sessions have expired (12 hours), so everyone logs in again.
    expect((await s.request(planner, "GET", "/api/auth/me")).status).toBe(401);
    [planner, officer, usMember, neMember] = await Promise.all(["us-planner", "ne-officer", "us-member", "ne-member"].map((u) => s.login(u)));
    const departed = await s.request(planner, "POST", `/api/movements/${m1.id}/depart`, {
      ifMatch: cleared.body.version,
      body: { at: cleared.body.departAt, manifest: { persons: persons.slice(0, 3) } },
    });
    expect(departed.status, JSON.stringify(departed.body)).toBe(200);
    expect(departed.body).toMatchObject({ clearancesUsed: 2, exits: 3 });
    expect(departed.body.movement.status).toBe("departed");
    const used = (await s.request(officer, "GET", "/api/clearances?sortie=S0001")).body.items as { used?: { movement: string } }[];
    expect(used.every((c) => c.used?.movement === m1.id)).toBe(true);

    const after = await s.request(officer, "GET", "/api/personnel/headcount");
    expect(after.body.total).toBe(2);
    const reconciliation = await s.request(officer, "GET", "/api/personnel/reconciliation");
    expect(reconciliation.body.leftUnrecorded).toEqual([]);
    expect(reconciliation.body.left).toHaveLength(3);

    // 7. Both parties cosign the latest checkpoint: every decision so far is final.
    const latest = await s.request(usMember, "GET", "/api/ledger/checkpoints/latest");
    expect(latest.status).toBe(200);
    const size = latest.body.treeSize as number;
    expect(latest.body.final).toBe(false);
    expect((await s.request(usMember, "POST", `/api/ledger/checkpoints/${size}/cosignatures/NE`, { body: {} })).status).toBe(403);
    expect((await s.request(usMember, "POST", `/api/ledger/checkpoints/${size}/cosignatures/US`, { body: {} })).status).toBe(200);
    const both = await s.request(neMember, "POST", `/api/ledger/checkpoints/${size}/cosignatures/NE`, { body: {} });
    expect(both.status).toBe(200);
    expect(both.body.final).toBe(true);
    expect(both.body.note).toContain("\n— US ");
    expect(both.body.note).toContain("\n— NE ");
    const finality = await s.request(officer, "GET", "/api/ledger/final");
    expect(finality.body).toEqual({ size, finalSize: size, latestCheckpoint: size });
    const history = (await s.request(officer, "GET", `/api/clearances/${toDeny.id}`)).body.history as { type: string; final: boolean }[];
    expect(history.map((h) => h.type)).toEqual(["clearance.drafted", "clearance.submitted", "clearance.denied"]);
    expect(history.every((h) => h.final)).toBe(true);

    // An inclusion proof of the denial's leaf checks against the cosigned root.
    const leaves = (await s.request(officer, "GET", `/api/ledger/leaves?from=0&to=${size}`)).body.items as { index: number; data: string; final: boolean }[];
    expect(leaves).toHaveLength(size);
    expect(leaves.every((l) => l.final)).toBe(true);
    const text = leaves.map((l) => l.data).join("\n");
    expect(text).not.toContain("Airman");
    expect(text).not.toContain("P00001");
    for (const type of ["plan.published", "clearance.submitted", "clearance.approved", "clearance.denied", "movement.departed", "personnel.entry", "personnel.exit", "clearance.used"])
      expect(text).toContain(`"type":"${type}"`);

    // 8. ledger verify passes: the audit itself, then the CLI against the database (with only the
    // public keys on disk) and against the running server's URL.
    const report = await auditDatabase(handle.db, verifierKeysOf(s.deps.ledger.keys));
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ ok: true, leaves: size, finalSize: size });

    const auditDir = mkdtempSync(join(tmpdir(), "drawdown-flow-audit-"));
    try {
      const dataDir = location.dataDir ?? join(auditDir, "data");
      writeVerifierKeys(join(dataDir, "keys"), verifierKeysOf(s.deps.ledger.keys));
      const onDatabase = captureIo();
      const env = { DATA_DIR: dataDir, ...(location.databaseUrl === undefined ? {} : { DATABASE_URL: location.databaseUrl }) };
      expect(await ledgerVerifyCommand(onDatabase.io, {}, env), onDatabase.text()).toBe(0);
      expect(onDatabase.text()).toContain(`ledger OK: ${size} leaves`);
      expect(onDatabase.text()).toContain(`${size} decisions final (cosigned by both parties)`);

      const server = serve({ fetch: s.app.fetch, port: 0, hostname: "127.0.0.1" });
      await new Promise<void>((resolve) => server.once("listening", () => resolve()));
      try {
        const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        const onServer = captureIo();
        const code = await ledgerVerifyCommand(onServer.io, { url }, { DRAWDOWN_USERNAME: "ne-observer", DRAWDOWN_PASSWORD: TEST_PASSWORD });
        expect(code, onServer.text()).toBe(0);
        expect(onServer.text()).toContain(`ledger OK: ${size} leaves`);
      } finally {
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    } finally {
      rmSync(auditDir, { recursive: true, force: true });
    }
  });
});
