import { describe, expect, it } from "vitest";
import { canonicalJson } from "#ledger/canonical-json.ts";
import { makeEvent, maybe } from "./event.ts";
import { buildActor, buildContext, NE } from "./factories.ts";
import { refuse } from "./transition.ts";

describe("workflow events", () => {
  it("carry type, object, version, actor, party, time (ISO, minutes) and data", () => {
    const ctx = buildContext(buildActor(NE, "clearance_officer"), "2024-07-10T09:00Z");
    const e = makeEvent(ctx, "clearance.denied", "clearance_request", "CR-1", 3, { reason: "closed" });
    expect(e).toEqual({
      type: "clearance.denied",
      objectType: "clearance_request",
      objectId: "CR-1",
      objectVersion: 3,
      actorId: "NE-clearance_officer",
      actorParty: "NE",
      at: "2024-07-10T09:00:00Z",
      data: { reason: "closed" },
    });
    expect(canonicalJson(e).ok).toBe(true);
  });

  it("maybe leaves undefined fields out, so the data stays canonical JSON", () => {
    const data = { a: 1, ...maybe("note", undefined), ...maybe("b", "x") };
    expect(data).toEqual({ a: 1, b: "x" });
    expect(Object.keys(data)).not.toContain("note");
  });

  it("refusals carry a stable code, a message and optional details", () => {
    expect(refuse("movement.manifest_frozen", "frozen")).toEqual({ ok: false, error: { code: "movement.manifest_frozen", message: "frozen" } });
    expect(refuse("x.y", "m", { n: 1 }).error.details).toEqual({ n: 1 });
  });
});
