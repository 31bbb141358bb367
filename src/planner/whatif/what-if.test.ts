import { describe, expect, it } from "vitest";
import type { ResolvedScenario } from "#domain/scenario-model.ts";
import { type Instant, instant, parseInstant } from "#domain/time.ts";
import { loadShipped } from "#test/scenarios.ts";
import { verifyPlan } from "#verify/verify-plan.ts";
import { planWithdrawal } from "../plan-withdrawal.ts";
import { applyVariations } from "./apply-variations.ts";
import { compareVariants, planMeets } from "./compare.ts";
import { whatIfFixes } from "./fixes.ts";
import type { Variation } from "./variation.ts";
import { runWhatIf } from "./what-if.ts";

const at = (iso: string): Instant => parseInstant(iso) ?? instant(Number.NaN);
const niger = loadShipped("niger-2024");
const basePlan = planWithdrawal(niger);

function vary(vs: Variation[], rs: ResolvedScenario = niger): ResolvedScenario {
  const r = applyVariations(rs, vs);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

function whatIf(vs: Variation[], fixes = true) {
  const r = runWhatIf(niger, vs, { fixes });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

const row = (rows: readonly { key: string }[], key: string) => {
  const r = rows.find((x) => x.key === key);
  if (!r) throw new Error(`no row ${key}`);
  return r as (typeof rows)[number] & { base: unknown; variant: unknown; change: string };
};

describe("what-if on Niger", () => {
  it("one more C-17 does not close later, and the plan still verifies", () => {
    const w = whatIf([{ kind: "fleet", type: "C-17A", delta: 1 }]);
    expect(at(w.variant.plan.summary.closureAt)).toBeLessThanOrEqual(at(w.base.plan.summary.closureAt));
    expect(planMeets(w.variant.plan)).toBe(true);
    expect(row(w.rows, "fleet.C-17A")).toMatchObject({ base: 1, variant: 2, change: "+1" });
    expect(verifyPlan(w.variant.rs, w.variant.plan).violations).toEqual([]);
    expect(w.fixes).toBeUndefined();
  });

  it("denying Algeria leaves no air route out of Niger: everything flown is unplanned, and nothing can fix it", () => {
    // Both Niger–Ramstein legs overfly DZ; the only leg left is Agadez–Niamey, inside Niger.
    const w = whatIf([{ kind: "deny", country: "DZ" }]);
    const plan = w.variant.plan;
    for (const s of plan.sorties) for (const leg of s.legs) expect(leg.overflies).not.toContain("DZ");
    expect(plan.sorties).toEqual([]);
    expect(plan.unplanned.length).toBeGreaterThan(0);
    expect(plan.unplanned.some((u) => u.what === "cargo" || u.what === "pallet")).toBe(true);
    expect(planMeets(plan)).toBe(false);
    expect(row(w.rows, "meetsDeadline")).toMatchObject({ base: true, variant: false });
    expect(w.notes.some((n) => /NIAMEY has no military way out/.test(n.text))).toBe(true);
    expect(w.notes.some((n) => /AGADEZ has no military way out/.test(n.text))).toBe(true);
    expect(w.fixes?.blocked).toMatch(/cargo at NIAMEY cannot leave/);
    expect(w.fixes?.fixes).toEqual([]);
    // The verifier agrees: the only violations are about what was left behind (the summary's
    // personnel and cargo totals count the scenario's, the verifier's what moved).
    const codes = new Set(verifyPlan(w.variant.rs, plan).violations.map((v) => v.code));
    expect(codes.has("plan.incomplete")).toBe(true);
    for (const c of codes) expect(["cargo.conservation", "personnel.conservation", "plan.incomplete", "summary.mismatch"]).toContain(c);
  });

  it("a clearance delay at Niamey postpones the first flights into Niger when it binds; the plan files earlier and verifies", () => {
    const rs = vary([{ kind: "clearance-delay", target: "DRRN", hours: 30 * 24 }]);
    const plan = planWithdrawal(rs);
    expect(verifyPlan(rs, plan).violations).toEqual([]);
    const firstLandingInNiger = (p: typeof plan) =>
      Math.min(...p.sorties.flatMap((s) => s.legs.filter((l) => l.to === "NIAMEY" || l.to === "AGADEZ").map((l) => at(l.arriveAt))));
    expect(firstLandingInNiger(plan)).toBeGreaterThanOrEqual(at("2024-06-19T00:00Z"));
    expect(firstLandingInNiger(plan)).toBeGreaterThan(firstLandingInNiger(basePlan));
    expect(at(plan.summary.closureAt)).toBeGreaterThanOrEqual(at(basePlan.summary.closureAt));
  });

  it("the verifier holds the original plan to the delayed clearances: it was filed too late", () => {
    const rs = vary([{ kind: "clearance-delay", target: "NE", hours: 30 * 24 }]);
    const codes = new Set(verifyPlan(rs, basePlan).violations.map((v) => v.code));
    expect(codes.has("clearance.lead_time")).toBe(true);
  });

  it("an earlier deadline that is missed gets fixes, each of which meets the deadline when applied", () => {
    const early: Variation = { kind: "deadline", at: at("2024-07-01T23:59Z") };
    const w = whatIf([early]);
    expect(planMeets(w.variant.plan)).toBe(false);
    const f = w.fixes;
    expect(f?.needed).toBe(true);
    expect(f?.fixes.map((x) => x.kind)).toEqual(expect.arrayContaining(["fleet", "deadline"]));
    for (const fix of f?.fixes ?? []) {
      const rs = vary([fix.variation], w.variant.rs);
      const plan = planWithdrawal(rs);
      expect(planMeets(plan), fix.description).toBe(true);
      expect(plan.summary.closureAt).toBe(fix.closureAt);
    }
    // The fleet fix is the fewest: one aircraft fewer of that type misses.
    for (const fix of f?.fixes ?? []) {
      if (fix.variation.kind !== "fleet" || fix.variation.delta <= 1) continue;
      const fewer = vary([{ ...fix.variation, delta: fix.variation.delta - 1 }], w.variant.rs);
      expect(planMeets(planWithdrawal(fewer)), fix.description).toBe(false);
    }
    // The deadline fix is the least in whole hours.
    const later = f?.fixes.find((x) => x.variation.kind === "deadline")?.variation;
    if (later?.kind === "deadline") {
      const hourBefore = vary([{ kind: "deadline", at: instant(later.at - 60) }], w.variant.rs);
      expect(planMeets(planWithdrawal(hourBefore))).toBe(false);
    }
    // No lead time of Niger's fixes it: the aircraft only arrive in June.
    expect(f?.noFix.some((x) => x.kind === "lead-time" && x.subject === "NE")).toBe(true);
  });

  it("finds a lead-time fix when the lead time is what binds", () => {
    // Clearances made slow enough to push the close-out past a deadline set just after the normal closure.
    const tight = vary([
      { kind: "deadline", at: instant(at(basePlan.summary.closureAt) + 3 * 1440) },
      { kind: "lead-time", country: "NE", value: 40, unit: "working_days" },
    ]);
    const plan = planWithdrawal(tight);
    expect(planMeets(plan)).toBe(false);
    const f = whatIfFixes(tight, { plan });
    const lead = f.fixes.find((x) => x.kind === "lead-time");
    expect(lead?.variation).toMatchObject({ kind: "lead-time", country: "NE", unit: "working_days" });
    if (lead?.variation.kind !== "lead-time") throw new Error("a lead-time fix");
    expect(lead.variation.value).toBeLessThan(40);
    expect(planMeets(planWithdrawal(vary([lead.variation], tight)))).toBe(true);
    expect(planMeets(planWithdrawal(vary([{ ...lead.variation, value: lead.variation.value + 1 }], tight)))).toBe(false);
  });

  it("does nothing when the plan already meets the deadline", () => {
    expect(whatIfFixes(niger, { plan: basePlan })).toMatchObject({ needed: false, fixes: [], plansRun: 0 });
  });

  it("refuses variations that do not apply, before planning", () => {
    const r = runWhatIf(niger, [{ kind: "fleet", type: "A400M", delta: 1 }]);
    expect(r.ok).toBe(false);
  });
});

describe("compareVariants", () => {
  it("puts the key figures side by side, with the change", () => {
    const rows = compareVariants({ rs: niger, plan: basePlan }, { rs: niger, plan: basePlan });
    const keys = rows.map((r) => r.key);
    for (const k of [
      "closure",
      "deadline",
      "slackHours",
      "meetsDeadline",
      "unplanned",
      "lowerBoundAt",
      "closureRatio",
      "sorties",
      "sorties.C-17A",
      "sorties.C-130J-30",
      "flyingHours",
      "convoys",
      "commercialSeats",
      "clearanceRequests",
      "closeout.NIAMEY",
      "closeout.AGADEZ",
    ])
      expect(keys).toContain(k);
    for (const r of rows) expect(r.change).toBe("");
  });

  it("states changes in the reader's units", () => {
    const w = whatIf([{ kind: "aircraft-out", fleetId: "C17", count: 1, from: at("2024-06-01T00:00Z"), to: at("2024-07-01T00:00Z") }], false);
    const closure = row(w.rows, "closure");
    expect(closure.change).toMatch(/^\+\d+\.\d days$/);
    expect(row(w.rows, "sorties").change).toMatch(/^[+−]\d+$/);
  });
});
