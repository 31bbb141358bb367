import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import type { ScenarioInput } from "#domain/scenario.ts";
import { cargoLine, leg, legLoad, must, planFrom, resolvedFrom } from "./fixtures/plan-kit.ts";
import { type VerifyReport, verifyPlan } from "./verify-plan.ts";
import type { ViolationCode } from "./violation.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const read = (path: string) => readFileSync(`${root}${path}`, "utf8");
const scenarioJson = (): ScenarioInput => JSON.parse(read("scenarios/synthetic-small.json")) as ScenarioInput;
const validPlan = (): Plan => planFrom(JSON.parse(read("src/verify/fixtures/synthetic-small.plan.json")));

/** S1 leg 2: 5 pallets on 7L–9L, three trucks and four generators on the floor, 54 on the sidewall. */
const s1 = (p: Plan) => must(leg(p, "S1", 2).loadPlan, "S1 load plan");
/** S2 leg 2: 7 pallets on 3L–6L, 77 passengers on the sidewall, CL1 and CL2. */
const s2 = (p: Plan) => must(leg(p, "S2", 2).loadPlan, "S2 load plan");

function verify(change: (p: Plan) => void, scenario?: (s: ScenarioInput) => void): VerifyReport {
  const s = scenarioJson();
  scenario?.(s);
  const p = validPlan();
  change(p);
  return verifyPlan(resolvedFrom(s), p);
}

/** The messages of one code. */
const messages = (r: VerifyReport, code: ViolationCode) => r.violations.filter((v) => v.code === code).map((v) => v.message);
const codes = (r: VerifyReport) => [...new Set(r.violations.map((v) => v.code))];

describe("the reference plan's load plans", () => {
  it("are checked and accepted", () => {
    const r = verify(() => {});
    expect(r.violations).toEqual([]);
    expect(r.checked.loadPlans).toBe(2);
    // 12 pallets and 2 loaded legs.
    expect(r.checked.hazards).toBe(14);
  });
});

describe("load.position", () => {
  it("rejects a position the type does not have, naming the ones it has", () => {
    const r = verify((p) => {
      must(s1(p).positions[4], "9L").position = "10L";
    });
    expect(messages(r, "load.position")[0]).toMatch(/PB5 is on position 10L; a C-17A has 1L, 1R, .*9R/);
  });

  it("rejects an entry with both a pallet and a piece, or with neither", () => {
    const both = verify((p) => {
      const e = must(s1(p).positions[0], "7L");
      s1(p).positions[0] = { ...e, item: "gens" };
    });
    expect(messages(both, "load.position")[0]).toMatch(/position 7L must hold exactly one pallet or one piece, not both/);
    const neither = verify((p) => {
      s1(p).positions[0] = { position: "7L" };
    });
    expect(messages(neither, "load.position")[0]).toMatch(/not neither/);
  });

  it("rejects a pallet too heavy or too tall for its position: the ramp pairs take 7,500 lb, 9L/9R 76 in", () => {
    const heavy = verify(
      () => {},
      (s) => {
        cargoLine(s, "boxes").unitWeight = 450;
      },
    );
    expect(messages(heavy, "load.position").some((m) => /PB5 weighs .*; position 9L takes 3401\.9 kg/.test(m))).toBe(true);
    const tall = verify((p) => {
      must(
        p.pallets.find((x) => x.id === "PB5"),
        "PB5",
      ).heightCm = 200;
    });
    expect(messages(tall, "load.position")).toEqual(["S1 leg 2 MAIN→HOME: PB5 is 200 cm high; position 9L takes 193 cm"]);
  });

  it("lets only a pre-built pallet ride on a position", () => {
    const r = verify((p) => {
      const lp = s1(p);
      lp.floor = lp.floor.filter((f, i) => !(f.item === "gens" && i === 6));
      lp.positions.push({ position: "9R", item: "gens" });
    });
    expect(messages(r, "load.position")[0]).toMatch(/gens \(outsize, .*\) is on position 9R; only a pre-built 463L pallet/);
  });
});

describe("load.floor", () => {
  it("rejects a piece off the cargo floor, before the main zone starts", () => {
    const r = verify((p) => {
      const t = must(s1(p).floor[0], "truck");
      t.fromCm = 1000;
      t.toCm = 1680;
    });
    expect(messages(r, "load.floor")[0]).toMatch(/trucks at 1000–1680 cm is not on the cargo floor/);
  });

  it("rejects a piece taller than the zone, or heavier per cm than it bears", () => {
    const tall = verify(
      () => {},
      (s) => {
        cargoLine(s, "gens").dimensions.height = 400;
      },
    );
    expect(messages(tall, "load.floor")[0]).toMatch(/gens is 400 cm high; floor zone main takes 375\.9 cm/);
    const heavy = verify(
      () => {},
      (s) => {
        cargoLine(s, "trucks").unitWeight = 100_000;
      },
    );
    expect(messages(heavy, "load.floor").some((m) => /trucks puts 147\.1 kg\/cm on floor zone main, which bears 142\.9 kg\/cm/.test(m))).toBe(true);
  });

  it("adds the widths of pieces side by side: a third truck beside two is too wide", () => {
    const r = verify((p) => {
      const t = must(s1(p).floor[2], "third truck");
      t.fromCm = 1069.34;
      t.toCm = 1749.34;
    });
    expect(messages(r, "load.floor")[0]).toMatch(/trucks, trucks, trucks lie side by side at 1069\.3–1749\.3 cm, 720 cm wide; the floor there is 548\.6 cm/);
  });

  it("rejects a piece over a loaded position and over seated passengers", () => {
    const onPallet = verify((p) => {
      const g = must(s1(p).floor[3], "generator");
      g.fromCm = 2885;
      g.toCm = 2995;
    });
    expect(messages(onPallet, "load.floor").some((m) => /gens at 2885–2995 cm covers position 7L, which holds PB1/.test(m))).toBe(true);
    const onSeats = verify((p) => {
      const lp = s1(p);
      must(lp.seats[0], "sidewall").count = 42;
      lp.seats.push({ zone: "CL1", count: 12 });
    });
    expect(messages(onSeats, "load.floor").some((m) => /covers position 1L, where seat zone CL1 seats passengers/.test(m))).toBe(true);
  });
});

describe("load.placement", () => {
  it("finds a pallet of the load left out and a piece placed that is not aboard", () => {
    const r = verify((p) => {
      const lp = s1(p);
      lp.positions = lp.positions.filter((x) => x.pallet !== "PB5");
      legLoad(p, "S1", 2).items = [{ cargo: "trucks", quantity: 3 }, { cargo: "gens", quantity: 3 }];
    });
    const m = messages(r, "load.placement");
    expect(m).toContainEqual(expect.stringMatching(/place each pallet of the load once; it differs for PB5 \(load 1, placed 0\)/));
    expect(m).toContainEqual(expect.stringMatching(/differs for gens \(load 3, placed 4\)/));
  });

  it("checks seat zones: known, within their seats, and not on loaded positions", () => {
    const unknown = verify((p) => {
      must(s2(p).seats[2], "CL2").zone = "CL9";
    });
    expect(messages(unknown, "load.placement")[0]).toMatch(/seat zone CL9 is not one of a C-17A's \(sidewall, CL1, CL2, CL3, CL4\)/);
    const over = verify((p) => {
      const seats = s2(p).seats;
      must(seats[1], "CL1").count = 23;
      seats.pop();
    });
    expect(messages(over, "load.placement")).toEqual(["S2 leg 2 MAIN→HOME: 23 passengers in seat zone CL1, which has 12 seats"]);
    const blocked = verify((p) => {
      must(s2(p).seats[2], "CL2").zone = "CL3";
    });
    expect(messages(blocked, "load.placement")[0]).toMatch(/seat zone CL3 seats 11 on positions 3L, 3R, which hold PO1, PB6/);
  });

  it("needs totalKg to state the payload, and a load model to place anything", () => {
    const total = verify((p) => {
      s1(p).totalKg += 5;
    });
    expect(codes(total)).toEqual(["load.placement"]);
    const noModel = verify(
      () => {},
      (s) => {
        const library = JSON.parse(read("data/aircraft-types.json")) as { aircraftTypes: NonNullable<ScenarioInput["aircraftTypes"]> };
        const c17 = structuredClone(
          must(
            library.aircraftTypes.find((t) => t.id === "C-17A"),
            "C-17A",
          ),
        );
        delete c17.loadModel;
        s.aircraftTypes = [c17];
      },
    );
    expect(codes(noModel)).toEqual(["load.placement"]);
    expect(messages(noModel, "load.placement")[0]).toMatch(/C-17A has no load model/);
  });
});

describe("load.balance", () => {
  it("computes the centre of balance itself and rejects a misstated one", () => {
    const r = verify((p) => {
      s1(p).cgPercentMac = 21.6;
    });
    expect(messages(r, "load.balance")).toEqual(["S1 leg 2 MAIN→HOME: loadPlan states cgPercentMac 21.6, but what it places balances at 21.38 %MAC"]);
    expect(codes(verify((p) => void (s1(p).cgPercentMac = 21.45)))).toEqual([]);
  });

  it("follows the load: the same pallets moved aft shift the centre of balance aft", () => {
    const r = verify((p) => {
      const aft = ["5R", "6L", "6R", "7L", "7R", "8L", "8R"];
      s2(p).positions.forEach((x, i) => {
        x.position = must(aft[i], "position");
      });
    });
    expect(codes(r)).toEqual(["load.balance"]);
    const cg = Number(/balances at ([\d.]+)/.exec(messages(r, "load.balance")[0] ?? "")?.[1]);
    expect(cg).toBeGreaterThan(22.13 + 0.5);
  });

  it("rejects a load outside an envelope that varies with gross weight", () => {
    const r = verify(
      () => {},
      (s) => {
        const library = JSON.parse(read("data/aircraft-types.json")) as { aircraftTypes: NonNullable<ScenarioInput["aircraftTypes"]> };
        const c17 = structuredClone(
          must(
            library.aircraftTypes.find((t) => t.id === "C-17A"),
            "C-17A",
          ),
        );
        if (c17.loadModel)
          c17.loadModel.envelope = {
            forwardPercentMac: 16,
            aftPercentMac: 37,
            byGrossWeight: [
              { grossWeight: 181_437, forwardPercentMac: 16, aftPercentMac: 37 },
              { grossWeight: 226_796, forwardPercentMac: 22, aftPercentMac: 37 },
            ],
          };
        s.aircraftTypes = [c17];
      },
    );
    // 400,000 lb and 500,000 lb. S1 grosses 226,182 kg: the forward limit there is about 21.9 %MAC; S2 (201,905 kg) about 18.7.
    expect(messages(r, "load.balance")).toEqual([expect.stringMatching(/^S1 leg 2 MAIN→HOME: centre of balance 21\.38 %MAC at 226182 kg gross is forward of the C-17A's limits 21\.9\d+–37 %MAC: move weight aft$/)]);
  });
});

describe("load.hazard", () => {
  it("rejects two hazards on one pallet that may fly together but not side by side", () => {
    const r = verify(
      (p) => {
        must(
          p.pallets.find((x) => x.id === "PF1"),
          "PF1",
        ).items.push({ cargo: "crypto", quantity: 1 });
      },
      (s) => {
        cargoLine(s, "crypto").hazard = { class: 5, division: "5.1" };
      },
    );
    expect(messages(r, "load.hazard")).toEqual([
      "pallet PF1 holds fuel-cans (UN1203 class 3) and crypto (5.1), which may not share a pallet: build them on separate pallets",
    ]);
  });

  it("checks every loaded leg, with or without a load plan, and lets 1.4S fly with anything", () => {
    const clash = verify(
      (p) => {
        delete leg(p, "S2", 2).loadPlan;
      },
      (s) => {
        cargoLine(s, "crypto").hazard = { class: 1, division: "1.1E" };
      },
    );
    expect(messages(clash, "load.hazard")).toEqual([
      "S2 leg 2 MAIN→HOME carries crypto (1.1E) and fuel-cans (UN1203 class 3), which may not share an aircraft: fly them on different sorties",
    ]);
    const exempt = verify(
      () => {},
      (s) => {
        cargoLine(s, "crypto").hazard = { class: 1, division: "1.4S" };
      },
    );
    expect(codes(exempt)).toEqual([]);
  });
});
