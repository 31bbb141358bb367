/** The Plan page's reads on the synthetic-small scenario, through the whole app: the Gantt and a sortie's load plan. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { envelopeAt } from "#domain/load-model.ts";
import type { Plan } from "#domain/plan.ts";
import { sqliteTestEngine } from "#store/testing/engines.ts";
import { clearanceState } from "../plan-gantt.ts";
import { widthAcross } from "../sortie-load.ts";
import { type TestServer, type TestSession, testServer } from "../testing/harness.ts";

const engine = sqliteTestEngine();
let s: TestServer;
let planner: TestSession;
let hostObserver: TestSession;
let versionId: string;
let plan: Plan;

beforeAll(async () => {
  const { handle } = await engine.fresh({ migrate: false });
  s = await testServer(handle.db, { now: "2025-03-01T08:00:00.000Z" });
  planner = await s.login("dp-planner");
  hostObserver = await s.login("hp-observer");
  const published = await s.request(planner, "POST", "/api/plans", { body: {} });
  expect(published.status).toBe(201);
  versionId = published.body.id;
  plan = (await s.request(planner, "GET", `/api/plans/${versionId}`)).body.plan as Plan;
});
afterAll(() => engine.cleanup());

describe("clearanceState", () => {
  it("shows a denial first, then what awaits the host, then drafts; approved only when all are", () => {
    expect(clearanceState([])).toBe("none");
    expect(clearanceState(["approved", "denied", "submitted"])).toBe("denied");
    expect(clearanceState(["approved", "amended"])).toBe("pending");
    expect(clearanceState(["draft", "approved"])).toBe("draft");
    expect(clearanceState(["approved", "expired"])).toBe("expired");
    expect(clearanceState(["approved", "approved"])).toBe("approved");
  });
});

describe("widthAcross", () => {
  it("takes the dimension that does not run along the floor", () => {
    expect(widthAcross({ length: 1200, width: 600 }, 1200)).toBe(600);
    expect(widthAcross({ length: 300, width: 610 }, 610)).toBe(300);
  });
});

describe("GET /api/plans/{id}/gantt", () => {
  it("gives one row per tail of the fleet and every sortie, convoy and airline seat of the plan", async () => {
    const r = await s.request(hostObserver, "GET", `/api/plans/${versionId}/gantt`);
    expect(r.status).toBe(200);
    const g = r.body;
    const scenario = s.deps.scenario.resolved.scenario;
    expect(g.aircraft.map((a: { tail: string }) => a.tail)).toEqual(scenario.fleet.flatMap((f) => Array.from({ length: f.count }, (_, i) => `${f.id}-${i + 1}`)));
    expect(g.sorties.map((x: { id: string }) => x.id).sort()).toEqual(plan.sorties.map((x) => x.id).sort());
    expect(g.convoys.map((x: { id: string }) => x.id)).toEqual(plan.convoys.map((x) => x.id));
    expect(g.seats.map((x: { id: string }) => x.id)).toEqual(plan.commercial.map((x) => x.id));
    expect(g.version).toMatchObject({ id: versionId, number: 1, baseline: true });
    for (const a of g.aircraft) expect(a.sorties).toBe(plan.sorties.filter((x) => x.aircraft === a.tail).length);

    const first = plan.sorties[0];
    const shown = g.sorties.find((x: { id: string }) => x.id === first?.id);
    expect(shown.legs.map((l: { from: string; to: string; departAt: string; loaded: boolean }) => [l.from, l.to, l.departAt, l.loaded])).toEqual(
      first?.legs.map((l) => [l.from, l.to, l.departAt, l.load !== undefined]),
    );
    expect(shown.departAt).toBe(first?.legs[0]?.departAt);
    // Nothing of the plan is on the server yet.
    expect(g.sorties.every((x: { clearance: string; movement: null }) => x.clearance === "none" && x.movement === null)).toBe(true);
  });

  it("shows the clearance requests and movements the planners made from the plan", async () => {
    expect((await s.request(planner, "POST", "/api/clearances/drafts", { body: {} })).status).toBe(201);
    expect((await s.request(planner, "POST", "/api/movements/from-plan", { body: {} })).status).toBe(201);
    const g = (await s.request(planner, "GET", `/api/plans/${versionId}/gantt`)).body;
    // Only the host country's requests go into the system: the host decides them there.
    const hostRequests = plan.clearanceRequests.filter((c) => c.country === "XH");
    expect(hostRequests.length).toBeGreaterThan(0);
    const withRequests = new Set(hostRequests.map((c) => c.sortie));
    for (const x of g.sorties) {
      expect(x.movement).toBe("planned");
      expect(x.clearance).toBe(withRequests.has(x.id) ? "draft" : "none");
      expect(x.clearanceRequests).toBe(hostRequests.filter((c) => c.sortie === x.id).length);
    }
    expect(g.convoys.every((c: { movement: string }) => c.movement === "planned")).toBe(true);
  });

  it("answers 404 for a version that does not exist", async () => {
    const r = await s.request(planner, "GET", "/api/plans/PV-nope/gantt");
    expect([r.status, r.body.code]).toEqual([404, "plan_version.not_found"]);
  });
});

describe("GET /api/plans/{id}/sorties/{sortie}/load", () => {
  it("gives each loaded leg's positions, floor and seats with the balance and its margins to the limits", async () => {
    const sortie = plan.sorties.find((x) => x.legs.some((l) => l.loadPlan !== undefined));
    if (sortie === undefined) throw new Error("the plan has a sortie with a load plan");
    const r = await s.request(hostObserver, "GET", `/api/plans/${versionId}/sorties/${sortie.id}/load`);
    expect(r.status).toBe(200);
    const load = r.body;
    const type = s.deps.scenario.resolved.types.get(sortie.type as never);
    const model = type?.loadModel;
    if (model === undefined) throw new Error("the type has a load model");
    expect(load.sortie).toMatchObject({ id: sortie.id, aircraft: sortie.aircraft, type: sortie.type, typeName: type?.name });
    expect(load.model.positions.map((p: { id: string }) => p.id)).toEqual(model.positions.map((p) => p.id));
    expect(load.model.macCm).toBeCloseTo(model.mac.length, 1);

    const loadedLegs = sortie.legs.filter((l) => l.load !== undefined);
    expect(load.legs.length).toBe(loadedLegs.length);
    for (const [i, leg] of loadedLegs.entries()) {
      const lp = leg.loadPlan;
      const shown = load.legs[i];
      if (lp === undefined) continue;
      expect(shown.plan.positions.map((p: { position: string }) => p.position)).toEqual(lp.positions.map((p) => p.position));
      expect(shown.plan.cgPercentMac).toBeCloseTo(lp.cgPercentMac, 2);
      expect(shown.plan.grossKg).toBeCloseTo(model.operating.weight + lp.totalKg, 0);
      const limits = envelopeAt(model, model.operating.weight + lp.totalKg);
      expect(shown.plan.forwardMarginPercentMac).toBeCloseTo(lp.cgPercentMac - limits.forward, 2);
      expect(shown.plan.aftMarginPercentMac).toBeCloseTo(limits.aft - lp.cgPercentMac, 2);
      // The centre of balance station is the %MAC figure on the chord.
      expect(shown.plan.cgStationCm).toBeCloseTo(model.mac.lemac + (lp.cgPercentMac / 100) * model.mac.length, 1);
      expect(shown.plan.seats).toEqual(lp.seats);
      expect(shown.pallets).toEqual(leg.load?.pallets);
    }
    // Every pallet on board with its build-up as the plan has it, and every cargo line described.
    const palletIds = new Set(loadedLegs.flatMap((l) => l.load?.pallets ?? []));
    expect(load.pallets.map((p: { id: string }) => p.id).sort()).toEqual([...palletIds].sort());
    for (const p of load.pallets) {
      const original = plan.pallets.find((x) => x.id === p.id);
      expect(p.buildUp?.pieces.length ?? 0).toBe(original?.buildUp?.pieces.length ?? 0);
    }
    const cargoIds = new Set([...loadedLegs.flatMap((l) => (l.load?.items ?? []).map((x) => x.cargo)), ...plan.pallets.filter((p) => palletIds.has(p.id)).flatMap((p) => p.items.map((x) => x.cargo))]);
    expect(load.cargo.map((c: { id: string }) => c.id)).toEqual([...cargoIds].sort());
  });

  it("answers 404 for a sortie the version does not have", async () => {
    const r = await s.request(planner, "GET", `/api/plans/${versionId}/sorties/S9999/load`);
    expect([r.status, r.body.code]).toEqual([404, "sortie.not_found"]);
  });
});
