import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { latestFilingAt } from "#domain/clearance-rule.ts";
import type { ResolvedScenario } from "#domain/scenario-model.ts";
import { type Instant, instant, parseInstant } from "#domain/time.ts";
import { loadShipped } from "#test/scenarios.ts";
import { applyVariations } from "./apply-variations.ts";
import { fleetByType } from "./fleet-counts.ts";
import { describeVariation, type Variation } from "./variation.ts";

const at = (iso: string): Instant => parseInstant(iso) ?? instant(Number.NaN);
const niger = loadShipped("niger-2024");

function deepFreeze<T>(x: T): T {
  if (x && typeof x === "object" && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x)) deepFreeze(v);
  }
  return x;
}

/** A frozen copy: any mutation by `applyVariations` throws. */
const frozenNiger = (): ResolvedScenario => {
  const rs = loadShipped("niger-2024");
  deepFreeze(rs.scenario);
  return rs;
};

function apply(vs: Variation[], rs: ResolvedScenario = niger) {
  const r = applyVariations(rs, vs);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r;
}

/** The notes' English, one string. */
const texts = (r: { notes: readonly { text: string }[] }) => r.notes.map((n) => n.text).join("\n");

function issues(vs: Variation[]) {
  const r = applyVariations(niger, vs);
  if (r.ok) throw new Error("expected the variations to be refused");
  return r.issues;
}

describe("applyVariations", () => {
  it("never mutates its input and shares what it does not change", () => {
    const rs = frozenNiger();
    const before = JSON.stringify(rs.scenario);
    const all: Variation[] = [
      { kind: "fleet", type: "C-17A", delta: 2 },
      { kind: "fleet", type: "C-130J-30", delta: -1 },
      { kind: "clearance-delay", target: "DRRN", hours: 72 },
      { kind: "clearance-delay", target: "DZ", hours: 24 },
      { kind: "deadline", at: at("2024-09-30T23:59Z") },
      { kind: "aircraft-out", fleetId: "C17", count: 1, from: at("2024-07-01T00:00Z"), to: at("2024-07-10T00:00Z") },
      { kind: "lead-time", country: "NE", value: 1, unit: "working_days" },
      { kind: "deny", country: "DZ" },
    ];
    const r = apply(all, rs);
    expect(JSON.stringify(rs.scenario)).toBe(before);
    expect(r.value.scenario.cargo).toBe(rs.scenario.cargo);
    expect(r.value.scenario.sites).toBe(rs.scenario.sites);
  });

  it("an empty list gives the scenario back", () => {
    const r = apply([]);
    expect(r.value).toBe(niger);
  });

  describe("fleet", () => {
    it("adds to the first entry of the type", () => {
      const r = apply([{ kind: "fleet", type: "C-17A", delta: 2 }]);
      expect(fleetByType(r.value.scenario).get("C-17A")).toBe(3);
      expect(r.value.scenario.fleet.find((f) => f.id === "C17")?.count).toBe(3);
      expect(r.value.scenario.fleet).toHaveLength(niger.scenario.fleet.length);
    });

    it("removes, never below 0, and says so", () => {
      const r = apply([{ kind: "fleet", type: "C-130J-30", delta: -5 }]);
      expect(fleetByType(r.value.scenario).get("C-130J-30")).toBe(0);
      expect(texts(r)).toMatch(/only 1 to remove/);
    });

    it("creates an entry for a known type the fleet does not fly, at the first entry's base and availability", () => {
      const r = apply([{ kind: "fleet", type: "PAX-CHARTER", delta: 1 }]);
      const entry = r.value.scenario.fleet.find((f) => f.type === "PAX-CHARTER");
      const first = niger.scenario.fleet[0];
      expect(entry).toMatchObject({ count: 1, base: first?.base, availability: first?.availability });
      expect(texts(r)).toMatch(/new fleet entry/);
    });

    it("refuses an unknown type with the known ones as a hint", () => {
      const [issue] = issues([{ kind: "fleet", type: "c-17a", delta: 1 }]);
      expect(issue?.path).toEqual(["variations", 0, "type"]);
      expect(issue?.message).toMatch(/unknown aircraft type "c-17a"/);
      expect(issue?.hint).toMatch(/did you mean C-17A/);
    });

    it("keeps every count ≥ 0 and every other type unchanged, whatever the deltas (property)", () => {
      const types = ["C-17A", "C-130J-30"] as const;
      fc.assert(
        fc.property(fc.array(fc.record({ type: fc.constantFrom(...types), delta: fc.integer({ min: -4, max: 4 }) }), { maxLength: 6 }), (changes) => {
          const r = apply(changes.map((c) => ({ kind: "fleet" as const, ...c })));
          let expected = new Map(fleetByType(niger.scenario));
          for (const c of changes) expected = new Map(expected).set(c.type, Math.max(0, (expected.get(c.type) ?? 0) + c.delta));
          expect(fleetByType(r.value.scenario)).toEqual(expected);
          for (const f of r.value.scenario.fleet) expect(f.count).toBeGreaterThanOrEqual(0);
        }),
        { numRuns: 60 },
      );
    });
  });

  describe("clearance-delay", () => {
    const ne = (rs: ResolvedScenario) => rs.scenario.clearanceRules.find((r) => r.country === "NE");
    it("at an airfield delays the landing clearances of its country by exactly the delay, and says which other airfields share them", () => {
      const r = apply([{ kind: "clearance-delay", target: "DRRN", hours: 72 }]);
      const rule = ne(r.value);
      expect(rule?.landing?.leadTime.plus).toBe(72 * 60);
      expect(rule?.overflight?.leadTime.plus).toBeUndefined();
      const flight = at("2024-06-11T10:00Z");
      const before = ne(niger)?.landing?.leadTime;
      const after = rule?.landing?.leadTime;
      if (!before || !after || !rule) throw new Error("NE has a landing rule");
      expect(latestFilingAt(flight, before, rule.weekend) - latestFilingAt(flight, after, rule.weekend)).toBe(72 * 60);
      expect(texts(r)).toMatch(/AGADEZ are delayed too/);
    });

    it("accepts the site id as well as the ICAO code", () => {
      expect(ne(apply([{ kind: "clearance-delay", target: "NIAMEY", hours: 10 }]).value)?.landing?.leadTime.plus).toBe(600);
    });

    it("for a country delays both kinds, and delays add up", () => {
      const r = apply([
        { kind: "clearance-delay", target: "NE", hours: 24 },
        { kind: "clearance-delay", target: "NE", hours: 48 },
      ]);
      expect(ne(r.value)?.landing?.leadTime.plus).toBe(72 * 60);
      expect(ne(r.value)?.overflight?.leadTime.plus).toBe(72 * 60);
    });

    it("refuses a country without a rule, an airfield whose landings need none, and a bad number", () => {
      expect(issues([{ kind: "clearance-delay", target: "DE", hours: 72 }])[0]?.message).toMatch(/DE has no clearance rule/);
      expect(issues([{ kind: "clearance-delay", target: "ETAR", hours: 72 }])[0]?.message).toMatch(/landings at RAMSTEIN \(DE\) need no clearance/);
      expect(issues([{ kind: "clearance-delay", target: "XXXX", hours: 72 }])[0]?.message).toMatch(/neither a country code nor an airfield/);
      expect(issues([{ kind: "clearance-delay", target: "NE", hours: -1 }])[0]?.path).toEqual(["variations", 0, "hours"]);
    });
  });

  describe("deny", () => {
    it("removes every air leg that overflies the country and keeps the others", () => {
      const r = apply([{ kind: "deny", country: "DZ" }]);
      expect(r.value.scenario.airLegs.map((l) => `${l.from}-${l.to}`)).toEqual(["AGADEZ-NIAMEY"]);
      for (const l of r.value.scenario.airLegs) expect(l.overflies).not.toContain("DZ");
      expect(texts(r)).toMatch(/2 of 3 air legs removed/);
    });

    it("removes legs that end in the country even when its overflight list forgets it", () => {
      const r = apply([{ kind: "deny", country: "DE" }]);
      expect(r.value.scenario.airLegs.every((l) => l.from !== "RAMSTEIN" && l.to !== "RAMSTEIN")).toBe(true);
      expect(texts(r)).toMatch(/based in DE/);
    });

    it("changes nothing for a country no leg crosses, and says so", () => {
      const r = apply([{ kind: "deny", country: "ML" }]);
      expect(r.value.scenario.airLegs).toBe(niger.scenario.airLegs);
      expect(texts(r)).toMatch(/nothing changes/);
    });
  });

  describe("deadline", () => {
    it("moves the deadline and stretches availability that ran until it", () => {
      const r = apply([{ kind: "deadline", at: at("2024-09-30T23:59Z") }]);
      expect(r.value.deadline).toBe(at("2024-09-30T23:59Z"));
      expect(r.value.scenario.agreement.deadline).toBe(at("2024-09-30T23:59Z"));
      const c17 = r.value.scenario.fleet.find((f) => f.id === "C17");
      expect(c17?.availability.at(-1)?.to).toBe(at("2024-09-30T23:59Z"));
      // The C-130's windows end in August: not tied to the deadline, unchanged.
      expect(r.value.scenario.fleet.find((f) => f.id === "C130")?.availability).toEqual(niger.scenario.fleet.find((f) => f.id === "C130")?.availability);
    });

    it("an earlier deadline leaves the availability alone", () => {
      const r = apply([{ kind: "deadline", at: at("2024-08-01T00:00Z") }]);
      expect(r.value.deadline).toBe(at("2024-08-01T00:00Z"));
      expect(r.value.scenario.fleet).toEqual(niger.scenario.fleet);
    });

    it("refuses a deadline before the start", () => {
      expect(issues([{ kind: "deadline", at: at("2024-05-01T00:00Z") }])[0]?.message).toMatch(/not after the start/);
    });
  });

  describe("aircraft-out", () => {
    it("for the whole withdrawal takes the aircraft from the entry", () => {
      const r = apply([{ kind: "aircraft-out", fleetId: "C17", count: 1 }]);
      expect(r.value.scenario.fleet.find((f) => f.id === "C17")?.count).toBe(0);
    });

    it("for a period cuts it from the availability; the aircraft keep their entry when all are out", () => {
      const r = apply([{ kind: "aircraft-out", fleetId: "C17", count: 1, from: at("2024-06-10T00:00Z"), to: at("2024-07-10T00:00Z") }]);
      const c17 = r.value.scenario.fleet.find((f) => f.id === "C17");
      expect(c17?.count).toBe(1);
      expect(c17?.availability.slice(0, 2)).toEqual([
        { from: at("2024-06-03T00:00Z"), to: at("2024-06-10T00:00Z") },
        { from: at("2024-07-10T00:00Z"), to: at("2024-07-26T00:00Z") },
      ]);
    });

    it("for some of an entry's aircraft, splits them into an entry of their own", () => {
      const two = apply([{ kind: "fleet", type: "C-17A", delta: 1 }]).value;
      const r = apply([{ kind: "aircraft-out", fleetId: "C17", count: 1, from: at("2024-06-10T00:00Z"), to: at("2024-07-10T00:00Z") }], two);
      expect(r.value.scenario.fleet.find((f) => f.id === "C17")?.count).toBe(1);
      const out = r.value.scenario.fleet.find((f) => f.id === "C17-out");
      expect(out?.count).toBe(1);
      for (const w of out?.availability ?? []) expect(w.to <= at("2024-06-10T00:00Z") || w.from >= at("2024-07-10T00:00Z")).toBe(true);
      expect(fleetByType(r.value.scenario).get("C-17A")).toBe(2);
    });

    it("refuses an unknown entry (pointing from a type to its entries), too many aircraft, and a reversed period", () => {
      expect(issues([{ kind: "aircraft-out", fleetId: "C-17A", count: 1 }])[0]?.hint).toMatch(/its fleet entries: C17/);
      expect(issues([{ kind: "aircraft-out", fleetId: "C17", count: 2 }])[0]?.message).toMatch(/has 1 aircraft, not 2/);
      expect(issues([{ kind: "aircraft-out", fleetId: "C17", count: 1, from: at("2024-07-10T00:00Z"), to: at("2024-07-01T00:00Z") }])[0]?.path).toEqual([
        "variations",
        0,
        "to",
      ]);
    });
  });

  describe("lead-time", () => {
    it("sets the lead time of both kinds, or of one, and drops an added delay", () => {
      const delayed = apply([{ kind: "clearance-delay", target: "NE", hours: 72 }]).value;
      const r = apply([{ kind: "lead-time", country: "NE", value: 1, unit: "working_days" }], delayed);
      const ne = r.value.scenario.clearanceRules.find((x) => x.country === "NE");
      expect(ne?.landing?.leadTime).toMatchObject({ value: 1, unit: "working_days" });
      expect(ne?.landing?.leadTime.plus).toBeUndefined();
      expect(ne?.overflight?.leadTime).toMatchObject({ value: 1, unit: "working_days" });
      const one = apply([{ kind: "lead-time", country: "NE", value: 48, unit: "hours", clearance: "landing" }]);
      const ne1 = one.value.scenario.clearanceRules.find((x) => x.country === "NE");
      expect(ne1?.landing?.leadTime).toMatchObject({ value: 48, unit: "hours" });
      expect(ne1?.overflight?.leadTime).toEqual(niger.scenario.clearanceRules.find((x) => x.country === "NE")?.overflight?.leadTime);
    });

    it("refuses a country without the rule", () => {
      expect(issues([{ kind: "lead-time", country: "DZ", value: 1, unit: "hours", clearance: "landing" }])[0]?.message).toMatch(/DZ has no landing rule/);
    });
  });

  it("codes every note: its code, its values, and its English from the code's template, starting with the variation it is about", () => {
    const two = apply([{ kind: "fleet", type: "C-17A", delta: 1 }]).value;
    const cases: { vs: Variation[]; rs?: ResolvedScenario; code: string; params: Record<string, string | number> }[] = [
      { vs: [{ kind: "fleet", type: "C-130J-30", delta: -5 }], code: "whatif.note.fleet.none_left", params: { type: "C-130J-30", delta: "−5", total: 1 } },
      { vs: [{ kind: "clearance-delay", target: "DRRN", hours: 72 }], code: "whatif.note.clearance_delay.airfield_shared", params: { target: "DRRN", hours: 72, country: "NE", others: "AGADEZ" } },
      { vs: [{ kind: "deny", country: "ML" }], code: "whatif.note.deny.nothing", params: { country: "ML" } },
      { vs: [{ kind: "deadline", at: at("2024-09-16T10:59Z") }], code: "whatif.note.deadline.hours_later", params: { at: "2024-09-16 10:59Z", hours: 12 } },
      { vs: [{ kind: "deadline", at: at("2024-09-12T10:59Z") }], code: "whatif.note.deadline.days_earlier", params: { at: "2024-09-12 10:59Z", days: 3.5 } },
      {
        vs: [{ kind: "aircraft-out", fleetId: "C17", count: 1, from: at("2024-06-10T00:00Z"), to: at("2024-07-10T00:00Z") }],
        rs: two,
        code: "whatif.note.aircraft_out.split_span",
        params: { count: 1, fleet: "C17", from: "2024-06-10 00:00Z", to: "2024-07-10 00:00Z", entry: "C17-out" },
      },
    ];
    for (const c of cases) {
      const [v] = c.vs;
      const note = apply(c.vs, c.rs).notes.find((n) => n.code === c.code);
      expect(note, c.code).toEqual({ code: c.code, params: c.params, text: expect.any(String) });
      // The label the page shows for the variation starts its notes, as before they had codes.
      if (v) expect(note?.text.startsWith(`${describeVariation(v)}: `), note?.text).toBe(true);
    }
    expect(apply([{ kind: "deadline", at: at("2024-09-12T10:59Z") }]).notes[0]?.text).toBe("deadline 2024-09-12 10:59Z: 3.5 days earlier");
  });

  it("reports every refused variation with its index, not only the first", () => {
    const found = issues([
      { kind: "fleet", type: "B-52", delta: 1 },
      { kind: "deny", country: "DZ" },
      { kind: "deny", country: "dz" },
    ]);
    expect(found.map((i) => i.path[1])).toEqual([0, 2]);
  });
});
