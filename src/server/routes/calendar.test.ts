/**
 * The movements' calendar feed on the Niger scenario: a user makes a secret link and a calendar
 * client (no session) fetches it; every movement is an event with a UID that stays the same
 * from fetch to fetch; a change raises its SEQUENCE; a cancelled movement stays, CANCELLED; a new
 * link stops the old one; a disabled account's link stops; French words on request.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sqliteTestEngine } from "#store/testing/engines.ts";
import { type TestServer, type TestSession, testServer } from "../testing/harness.ts";
import { eventStatus, movementUid } from "./calendar-feed.ts";

const engine = sqliteTestEngine();
let s: TestServer;
let planner: TestSession;
let observer: TestSession;

beforeAll(async () => {
  const { handle } = await engine.fresh({ migrate: false });
  s = await testServer(handle.db, { scenario: "niger-2024", now: "2024-05-20T08:00:00.000Z" });
  planner = await s.login("us-planner");
  observer = await s.login("ne-observer");
  expect((await s.request(planner, "POST", "/api/plans", { body: {} })).status).toBe(201);
  expect((await s.request(planner, "POST", "/api/movements/from-plan", { body: {} })).status).toBe(201);
});
afterAll(() => engine.cleanup());

/** The feed as a calendar client fetches it: no cookie, the link only. */
async function fetchFeed(path: string): Promise<{ status: number; type: string | null; text: string }> {
  const res = await s.app.request(`http://drawdown.test${path}`);
  return { status: res.status, type: res.headers.get("content-type"), text: await res.text() };
}

/** The VEVENTs of a feed, each as its unfolded property lines. */
function events(ics: string): Map<string, Record<string, string>> {
  const unfolded = ics.replace(/\r\n[ \t]/g, "");
  const out = new Map<string, Record<string, string>>();
  for (const block of unfolded.split("BEGIN:VEVENT").slice(1)) {
    const props: Record<string, string> = {};
    for (const line of block.split("\r\n")) {
      const at = line.indexOf(":");
      if (at > 0) props[line.slice(0, at).split(";")[0] ?? ""] = line.slice(at + 1);
    }
    out.set(props.UID ?? "", props);
  }
  return out;
}

async function link(session: TestSession): Promise<string> {
  const r = await s.request(session, "POST", "/api/calendar/link");
  expect(r.status).toBe(200);
  expect(r.body.path).toMatch(/^\/api\/calendar\.ics\?token=[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{20,}$/);
  return r.body.path as string;
}

describe("the calendar feed", () => {
  it("has every movement, with stable UIDs, UTC times and TENTATIVE until cleared", async () => {
    const path = await link(observer);
    const feed = await fetchFeed(path);
    expect(feed.status).toBe(200);
    expect(feed.type).toBe("text/calendar; charset=utf-8");
    expect(feed.text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(feed.text).toContain("METHOD:PUBLISH");
    const movements = (await s.request(observer, "GET", "/api/movements")).body.items as { id: string; planRef: string; departAt: string; version: number }[];
    const evs = events(feed.text);
    expect(evs.size).toBe(movements.length);
    const first = movements.find((m) => m.planRef === "S0001");
    if (first === undefined) throw new Error("the plan has S0001");
    const e = evs.get(movementUid(first.id, "drawdown.commission/niger-2024"));
    expect(e?.DTSTART).toBe(new Date(first.departAt).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, ""));
    expect(e?.STATUS).toBe("TENTATIVE");
    expect(e?.SEQUENCE).toBe(String(first.version));
    expect(e?.SUMMARY).toMatch(/^Sortie S0001: Air Base \d+\\, \w+ → .+/);
    // The same UIDs on the next fetch.
    expect([...events((await fetchFeed(path)).text).keys()]).toEqual([...evs.keys()]);
  });

  it("keeps a cancelled movement as CANCELLED, with a higher SEQUENCE", async () => {
    const path = await link(observer);
    const movements = (await s.request(planner, "GET", "/api/movements")).body.items as { id: string; version: number }[];
    // The last movement of the plan: nothing else in this file looks at it.
    const m = movements.at(-1);
    if (m === undefined) throw new Error("the Niger plan has movements");
    const before = events((await fetchFeed(path)).text).get(movementUid(m.id, "drawdown.commission/niger-2024"));
    const r = await s.request(planner, "POST", `/api/movements/${m.id}/cancel`, { body: { reason: "road closed" }, ifMatch: m.version });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const after = events((await fetchFeed(path)).text).get(movementUid(m.id, "drawdown.commission/niger-2024"));
    expect(before?.STATUS).toBe("TENTATIVE");
    expect(after?.STATUS).toBe("CANCELLED");
    expect(Number(after?.SEQUENCE)).toBeGreaterThan(Number(before?.SEQUENCE));
  });

  it("speaks French when asked", async () => {
    const feed = await fetchFeed(`${await link(observer)}&lang=fr`);
    expect(feed.text).toMatch(/SUMMARY:Sortie aérienne S0001/);
    expect(feed.text).toContain("Mouvements Drawdown");
  });

  it("stops an old link when a new one is made, and refuses tokens it never gave", async () => {
    const old = await link(planner);
    const fresh = await link(planner);
    expect((await fetchFeed(old)).status).toBe(401);
    expect((await fetchFeed(fresh)).status).toBe(200);
    const forged = fresh.replace(/\.[^.]+$/, ".AAAAAAAAAAAAAAAAAAAAAAAAAAA");
    const refused = await fetchFeed(forged);
    expect(refused.status).toBe(401);
    expect(JSON.parse(refused.text).code).toBe("calendar.bad_token");
    expect((await fetchFeed("/api/calendar.ics?token=nonsense")).status).toBe(401);
    expect((await fetchFeed("/api/calendar.ics")).status).toBe(422);
  });

  it("stops the link of a disabled account", async () => {
    const admin = await s.login("ne-admin");
    const member = await s.login("ne-member");
    const path = await link(member);
    expect((await fetchFeed(path)).status).toBe(200);
    const users = (await s.request(admin, "GET", "/api/users")).body.items as { id: string; username: string; version: number }[];
    const u = users.find((x) => x.username === "ne-member");
    const r = await s.request(admin, "PATCH", `/api/users/${u?.id}`, { body: { disabled: true }, ifMatch: u?.version ?? 0 });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect((await fetchFeed(path)).status).toBe(401);
  });

  it("maps movement states to event states", () => {
    expect(["planned", "scheduled", "cleared", "departed", "arrived", "cancelled"].map((x) => eventStatus(x as never))).toEqual([
      "TENTATIVE",
      "TENTATIVE",
      "CONFIRMED",
      "CONFIRMED",
      "CONFIRMED",
      "CANCELLED",
    ]);
  });
});
