import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import type { ScenarioInput } from "#domain/scenario.ts";
import { cargoLine, must, planFrom, resolvedFrom } from "./fixtures/plan-kit.ts";
import { type VerifyReport, verifyPlan } from "./verify-plan.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const read = (path: string) => readFileSync(`${root}${path}`, "utf8");

/** The reference plan with PB8's build-up (four boxes on the deck) changed, checked. */
function verify(change: (b: NonNullable<Plan["pallets"][number]["buildUp"]>, p: Plan) => void, scenario?: (s: ScenarioInput) => void): VerifyReport {
  const s = JSON.parse(read("scenarios/synthetic-small.json")) as ScenarioInput;
  scenario?.(s);
  const p = planFrom(JSON.parse(read("src/verify/fixtures/synthetic-small.plan.json")));
  const pb8 = must(
    p.pallets.find((x) => x.id === "PB8"),
    "PB8",
  );
  change(must(pb8.buildUp, "PB8 build-up"), p);
  return verifyPlan(resolvedFrom(s), p);
}

const messages = (r: VerifyReport) => r.violations.map((v) => `${v.code} ${v.subject ?? "-"}: ${v.message}`);

describe("pallet.build with a build-up", () => {
  it("accepts the reference build-up and counts it", () => {
    const r = verify(() => {});
    expect(messages(r)).toEqual([]);
    expect(r.checked.buildUps).toBe(1);
  });

  it("rejects two boxes in one place (overlap)", () => {
    const r = verify((b) => {
      const second = must(b.pieces[1], "second box");
      second.x = 60;
    });
    expect(messages(r)).toContainEqual(expect.stringMatching(/^pallet\.build PB8: pallet PB8 build-up: boxes#2 overlaps boxes#1/));
  });

  it("rejects a box half off its support, and one in the air", () => {
    const half = verify((b) => {
      // Lifted onto the fourth box and slid half a box forward, over where it stood: nothing there now.
      const third = must(b.pieces[2], "third box");
      third.x = 71.12;
      third.z = 91.44;
    });
    expect(messages(half)).toContainEqual(expect.stringMatching(/boxes#3: 50 % of its base is supported at z = 91\.44$/));
    const air = verify((b) => {
      must(b.pieces[0], "first box").z = 10;
    });
    expect(messages(air)).toContainEqual(expect.stringMatching(/boxes#1: 0 % of its base is supported at z = 10$/));
  });

  it("rejects a box on its side, one outside the usable surface, and one the items do not list", () => {
    const side = verify((b) => {
      const p = must(b.pieces[0], "first box");
      b.pieces[0] = { ...p, l: 91.44, h: 121.92, orientation: "lwh" };
    });
    expect(messages(side)).toContainEqual(expect.stringMatching(/boxes#1 lying lwh should measure 121\.92 × 101\.6 × 91\.44, is placed as 91\.44 × 101\.6 × 121\.92/));
    const outside = verify((b) => {
      must(b.pieces[1], "second box").x = 150;
    });
    expect(messages(outside)).toContainEqual(expect.stringMatching(/boxes#2 spans \[150, 271\.92\]/));
    const extra = verify((b) => {
      b.pieces.push({ cargo: "crypto", x: 0, y: 0, z: 91.44, l: 100, w: 80, h: 80, orientation: "lwh" });
    });
    expect(messages(extra)).toContainEqual(expect.stringMatching(/it must place each piece of the pallet's items once; it differs for crypto \(items 0, placed 1\)/));
  });

  it("rejects a stack on a box that may not be stacked on", () => {
    const r = verify(
      (b, p) => {
        const pb8 = must(
          p.pallets.find((x) => x.id === "PB8"),
          "PB8",
        );
        const fourth = must(b.pieces[3], "fourth box");
        fourth.x = 10.16;
        fourth.y = 5.08;
        fourth.z = 91.44;
        b.cg = { x: 101.6, y: 81.28, z: 68.58 };
        pb8.heightCm = 188.6;
      },
      (s) => {
        cargoLine(s, "boxes").stackable = false;
      },
    );
    expect(messages(r)).toContainEqual(expect.stringMatching(/boxes#4 rests on boxes#1, which is not stackable/));
  });

  it("needs the pallet's height to reach the top box, and the stated centre of gravity to be the boxes'", () => {
    const r = verify((b) => {
      must(b.pieces[3], "fourth box").z = 91.44;
      must(b.pieces[3], "fourth box").x = 10.16;
      must(b.pieces[3], "fourth box").y = 5.08;
    });
    const m = messages(r);
    expect(m).toContainEqual(expect.stringMatching(/its top piece reaches 182\.9 cm above the deck, so the pallet stands 188\.6 cm high, not 97\.2 cm/));
    expect(m).toContainEqual(expect.stringMatching(/cg states \(132\.1 cm, 106\.7 cm, 45\.7 cm\), the pieces' centre of gravity is \(101\.6 cm, 81\.3 cm, 68\.6 cm\)/));
  });
});
