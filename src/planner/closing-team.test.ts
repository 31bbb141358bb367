import { describe, expect, it } from "vitest";
import type { SiteId } from "#domain/ids.ts";
import type { ScenarioInput } from "#domain/scenario.ts";
import { parseScenarioValue } from "#domain/scenario-file.ts";
import { parseInstant } from "#domain/time.ts";
import { loadShipped, scenarioText } from "#test/scenarios.ts";
import { verifyPlan } from "#verify/verify-plan.ts";
import { ClosingTeams } from "./closing-team.ts";
import { loadQuality } from "./load/load-quality.ts";
import { buildLiftUnits } from "./palletise.ts";
import { planWithdrawal } from "./plan-withdrawal.ts";
import { CargoPool, PeoplePool } from "./pools.ts";

const at = (iso: string) => parseInstant(iso) ?? Number.NaN;
const NIAMEY = "NIAMEY" as SiteId;

function niger(edit: (s: ScenarioInput) => ScenarioInput = (s) => s) {
  const parsed = parseScenarioValue(edit(JSON.parse(scenarioText("niger-2024")) as ScenarioInput));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues.slice(0, 2)));
  return parsed.value;
}

function pools(rs: ReturnType<typeof niger>) {
  const people = new PeoplePool(rs.scenario.personnel, rs.start);
  const cargo = new CargoPool();
  for (const unit of buildLiftUnits(NIAMEY, rs.scenario.cargo)) cargo.add(NIAMEY, { unit, availableAt: rs.start });
  return { people, cargo };
}

describe("ClosingTeams", () => {
  it("keeps the scenario's minimum to the last cargo and lets the rest of the team go", () => {
    const rs = niger();
    const { people, cargo } = pools(rs);
    const teams = new ClosingTeams(rs);
    // Niamey: a closing team of 100, of whom 80 must stay.
    expect(teams.waiting(NIAMEY, people)).toBe(100);
    expect(teams.mustStay(NIAMEY, people, cargo)).toBe(80);
    expect(teams.mayLeaveEarly(NIAMEY, people, cargo)).toBe(20);
    expect(teams.stillHolds(NIAMEY, people)).toBe(true);
    people.board(NIAMEY, rs.start, 25, (w) => w.group.category === "closing_team");
    expect(teams.mayLeaveEarly(NIAMEY, people, cargo)).toBe(0);
    expect(teams.stillHolds(NIAMEY, people)).toBe(false);
  });

  it("keeps one for sensitive cargo when the minimum is zero, and the whole team where the scenario names no minimum", () => {
    const zero = niger((s) => ({ ...s, closingTeams: (s.closingTeams ?? []).map((t) => ({ ...t, minimum: { value: 0, assumption: true, rationale: "test: no minimum" } })) }));
    const a = pools(zero);
    expect(a.cargo.at(NIAMEY).some((w) => w.unit.sensitive)).toBe(true);
    expect(new ClosingTeams(zero).mustStay(NIAMEY, a.people, a.cargo)).toBe(1);
    const none = niger((s) => ({ ...s, closingTeams: [] }));
    const b = pools(none);
    expect(new ClosingTeams(none).mustStay(NIAMEY, b.people, b.cargo)).toBe(100);
    expect(new ClosingTeams(none).mayLeaveEarly(NIAMEY, b.people, b.cargo)).toBe(0);
  });
});

describe("the Niger plan's closing teams", () => {
  const rs = loadShipped("niger-2024");
  const plan = planWithdrawal(rs);

  it("keeps each minimum to the last cargo, sends the rest of the team earlier, and needs no load for the team alone", () => {
    expect(verifyPlan(rs, plan).violations).toEqual([]);
    for (const team of rs.scenario.closingTeams) {
      const groups = new Set(rs.scenario.personnel.filter((g) => g.site === team.site && g.category === "closing_team").map((g) => g.id as string));
      const size = rs.scenario.personnel.filter((g) => groups.has(g.id)).reduce((n, g) => n + g.count, 0);
      const last = at(plan.siteClosures.find((c) => c.site === team.site)?.lastCargoAt ?? "");
      let before = 0;
      let after = 0;
      for (const s of plan.sorties)
        for (const l of s.legs) {
          if (l.from !== team.site) continue;
          const n = (l.load?.passengers ?? []).filter((p) => groups.has(p.group)).reduce((k, p) => k + p.count, 0);
          if (at(l.departAt) < last) before += n;
          else after += n;
          // The minimum rides with the last cargo itself: no load after it for the team alone.
          if (at(l.departAt) > last) expect(n, `${s.id} carries part of ${team.site}'s team after its last cargo`).toBe(0);
        }
      expect(before + after).toBe(size);
      expect(after).toBeGreaterThanOrEqual(team.minimum);
      expect(before).toBe(size - team.minimum);
    }
  });

  it("loads Niger within 1.05 × the load bound given each load's type and site", () => {
    const q = loadQuality(rs, plan);
    expect(q.loads / q.givenTypes.bound).toBeLessThanOrEqual(1.05);
  });
});
