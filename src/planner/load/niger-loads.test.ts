import { describe, expect, it } from "vitest";
import { planWithdrawal } from "#planner/plan-withdrawal.ts";
import { loadShipped } from "#test/scenarios.ts";
import { assessLoad } from "./assess.ts";
import { legLoadOf } from "./from-plan.ts";

describe("the Niger plan's aircraft loads", () => {
  const rs = loadShipped("niger-2024");
  const plan = planWithdrawal(rs);

  it("records a load plan on every loaded leg of a type with a load model, and each one checks out", () => {
    let loads = 0;
    for (const s of plan.sorties) {
      const type = rs.types.get(s.type as never);
      if (!type?.loadModel) continue;
      for (const leg of s.legs) {
        if (!leg.load) continue;
        expect(leg.loadPlan, `${s.id} ${leg.from}`).toBeDefined();
        const read = legLoadOf(rs, plan, leg, type);
        if (!read) throw new Error(`${s.id}: load plan names unknown things`);
        const load = assessLoad({ type, placement: read.placement, passengers: read.passengers, legDistance: read.legDistance });
        expect(load.ok, `${s.id}: ${load.reason}`).toBe(true);
        expect(load.cgPercentMac).toBeCloseTo(leg.loadPlan?.cgPercentMac ?? Number.NaN, 1);
        expect(load.totalKg).toBeCloseTo(leg.payloadKg, 0);
        // Every pallet and piece of the leg's load is placed once.
        const placed = [...read.placement.positions.map((p) => p.unit.ref), ...read.placement.floor.map((f) => f.unit.ref)].sort();
        const listed = [...(leg.load.pallets ?? []), ...(leg.load.items ?? []).flatMap((i) => Array.from({ length: i.quantity }, () => i.cargo))].sort();
        expect(placed).toEqual(listed);
        loads++;
      }
    }
    expect(loads).toBeGreaterThan(50);
  });

  it("never puts the Agadez missiles (1.1E) on an aircraft with the fuel (class 3)", () => {
    for (const s of plan.sorties)
      for (const leg of s.legs) {
        const items = new Set((leg.load?.items ?? []).map((i) => i.cargo));
        const pallets = (leg.load?.pallets ?? []).flatMap((id) => plan.pallets.find((p) => p.id === id)?.items.map((i) => i.cargo) ?? []);
        for (const c of pallets) items.add(c);
        expect(items.has("agadez-missiles") && items.has("agadez-fuel"), s.id).toBe(false);
      }
  });
});
