import { describe, expect, it } from "vitest";
import { buildPallet, libraryType } from "./fixtures.ts";
import type { LoadUnit } from "./load-unit.ts";
import { settleLoad } from "./settle-load.ts";

const c17 = libraryType("C-17A");
const same = (u: LoadUnit, _key: string) => u;

describe("settleLoad", () => {
  it("keeps a load that already fits", () => {
    const chosen = Array.from({ length: 10 }, () => buildPallet(2000));
    const r = settleLoad({ type: c17, legDistance: 4000, chosen, queue: [], unitOf: same, reserveSeats: () => 0 });
    expect(r.load.ok).toBe(true);
    expect(r.taken).toEqual(chosen);
  });

  it("drops the last units until the load fits, then fills the room left from the queue", () => {
    // 18 full-height pallets: the aft ramp pair takes only 76 in, so two must go; two low ones fit there.
    const chosen = Array.from({ length: 18 }, () => buildPallet(2000));
    const low = [buildPallet(1500, { heightCm: 150 }), buildPallet(1500, { heightCm: 150 })];
    const r = settleLoad({ type: c17, legDistance: 4000, chosen, queue: low, unitOf: same, reserveSeats: () => 0 });
    expect(r.load.ok).toBe(true);
    expect(r.taken).toEqual([...chosen.slice(0, 16), ...low]);
  });

  it("drops units until incompatible hazards are apart", () => {
    const missiles = buildPallet(1000, { hazards: [{ class: 1, division: "1.1E" }] });
    const fuel = buildPallet(1000, { hazards: [{ class: 3 }] });
    const plain = buildPallet(1000);
    const r = settleLoad({ type: c17, legDistance: 4000, chosen: [missiles, plain, fuel], queue: [], unitOf: same, reserveSeats: () => 0 });
    expect(r.taken).toEqual([missiles, plain]);
  });
});
