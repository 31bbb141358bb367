import { describe, expect, it } from "vitest";
import { parseInstant } from "#domain/time.ts";
import { loadShipped } from "#test/scenarios.ts";
import { verifyPlan } from "#verify/verify-plan.ts";
import { planWithdrawal } from "./plan-withdrawal.ts";
import { applyVariations } from "./whatif/apply-variations.ts";

describe("sensitive cargo that only the closing team can escort", () => {
  it("waits for a departure the closing team may take instead of failing (regression)", () => {
    // With the C-17 out until mid-July and two C-130s, an earlier-planned cargo sortie departs after a
    // later-planned one; the planner used to throw "sensitive cargo loaded without an escort".
    const at = (s: string) => parseInstant(s) ?? Number.NaN;
    const varied = applyVariations(loadShipped("niger-2024"), [
      { kind: "aircraft-out", fleetId: "C17", count: 1, from: at("2024-06-01T00:00Z"), to: at("2024-07-15T00:00Z") },
      { kind: "fleet", type: "C-130J-30", delta: 1 },
    ] as never);
    if (!varied.ok) throw new Error("variation failed");
    const rs = varied.value;
    const plan = planWithdrawal(rs);
    expect(plan.unplanned).toEqual([]);
    expect(verifyPlan(rs, plan).violations).toEqual([]);
  });
});
