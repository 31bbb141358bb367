import { describe, expect, it } from "vitest";
import { entryOf } from "./ledger-entry.ts";

describe("entryOf", () => {
  it("reads the decision of a leaf", () => {
    const data = JSON.stringify({ actorId: "u-7", actorParty: "NE", at: "2024-06-03T06:00:00Z", data: { reason: "airspace closed" }, index: 4, objectId: "CR-12", objectType: "clearance_request", objectVersion: 3, type: "clearance.denied" });
    expect(entryOf({ index: 4, hash: "", data, createdAt: "2024-06-03T06:00:05Z", final: true })).toEqual({
      index: 4,
      type: "clearance.denied",
      objectType: "clearance_request",
      objectId: "CR-12",
      actorId: "u-7",
      party: "NE",
      at: "2024-06-03T06:00:00Z",
      final: true,
    });
  });

  it("keeps an unreadable leaf as an entry with empty fields", () => {
    const e = entryOf({ index: 9, hash: "", data: "{not json", createdAt: "", final: false });
    expect([e.index, e.type, e.party, e.at]).toEqual([9, "", "", ""]);
  });
});
