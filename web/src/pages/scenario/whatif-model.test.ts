import { describe, expect, it } from "vitest";
import { changeOf, newDraft, toVariation } from "./whatif-model.ts";

const draft = newDraft("C-17A", "NE", "DZ");

describe("toVariation", () => {
  it("makes each kind of change the API takes", () => {
    expect(toVariation(draft)).toEqual({ ok: true, variation: { kind: "fleet", type: "C-17A", delta: 1 } });
    expect(toVariation({ ...draft, kind: "clearance-delay", target: " drrn ", hours: 48 })).toEqual({ ok: true, variation: { kind: "clearance-delay", target: "DRRN", hours: 48 } });
    expect(toVariation({ ...draft, kind: "deny", country: "dz" })).toEqual({ ok: true, variation: { kind: "deny", country: "DZ" } });
    expect(toVariation({ ...draft, kind: "deadline-shift", days: -7 })).toEqual({ ok: true, variation: { kind: "deadline-shift", hours: -168 } });
  });

  it("says what is missing instead", () => {
    expect(toVariation({ ...draft, delta: 0 }).ok).toBe(false);
    expect(toVariation({ ...draft, kind: "deny", country: "Algeria" })).toEqual({ ok: false, reason: "Give a two-letter country code, e.g. DZ." });
    expect(toVariation({ ...draft, kind: "clearance-delay", hours: 0 }).ok).toBe(false);
    expect(toVariation({ ...draft, kind: "deadline-shift", days: 0 }).ok).toBe(false);
  });
});

describe("changeOf", () => {
  it("gives instants' changes in hours and numbers' as differences", () => {
    expect(changeOf("closure", "2024-07-16T05:00:00Z", "2024-07-14T05:00:00Z", true)).toBe(-48);
    expect(changeOf("sorties", 72, 75, false)).toBe(3);
    expect(changeOf("meetsDeadline", true, false, false)).toBeNull();
    expect(changeOf("closeout.X", null, "2024-07-14T05:00:00Z", true)).toBeNull();
  });
});
