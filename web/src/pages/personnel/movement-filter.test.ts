import { describe, expect, it } from "vitest";
import type { Movement } from "../../api/contract.ts";
import { ALL_MOVEMENTS, listedMovements } from "./movement-filter.ts";

const movement = (id: string, over: Partial<Movement>): Movement => ({
  id,
  owner: "US",
  status: "planned",
  kind: "sortie",
  from: "AGADEZ",
  to: "RAMSTEIN",
  departAt: "2024-06-03T09:16:00Z",
  arriveAt: "2024-06-03T14:32:00Z",
  clearances: [],
  plannedPassengers: 54,
  manifest: { passengers: 0, items: [], pallets: [] },
  version: 1,
  abilities: ["read"],
  ...over,
});
const all = [
  movement("M-3", { planRef: "S0002", departAt: "2024-06-04T09:00:00Z", status: "cleared" }),
  movement("M-1", { planRef: "S0001", status: "departed" }),
  movement("M-2", { planRef: "C001", kind: "convoy", from: "AGADEZ", to: "NIAMEY", departAt: "2024-05-20T05:30:00Z" }),
  movement("M-4", { planRef: "P001", kind: "commercial", from: "NIAMEY", to: "NIAMEY", departAt: "2024-05-20T13:00:00Z", status: "cancelled" }),
];
const ids = (ms: readonly Movement[]) => ms.map((m) => m.planRef);

describe("listedMovements", () => {
  it("lists every movement by departure", () => {
    expect(ids(listedMovements(all, ALL_MOVEMENTS))).toEqual(["C001", "P001", "S0001", "S0002"]);
  });

  it("keeps those still to leave, of a kind, at a site, or matching a search", () => {
    expect(ids(listedMovements(all, { ...ALL_MOVEMENTS, status: "to_leave" }))).toEqual(["C001", "S0002"]);
    expect(ids(listedMovements(all, { ...ALL_MOVEMENTS, status: "departed" }))).toEqual(["S0001"]);
    expect(ids(listedMovements(all, { ...ALL_MOVEMENTS, kind: "convoy" }))).toEqual(["C001"]);
    expect(ids(listedMovements(all, { ...ALL_MOVEMENTS, site: "NIAMEY" }))).toEqual(["C001", "P001"]);
    expect(ids(listedMovements(all, { ...ALL_MOVEMENTS, text: "s000" }))).toEqual(["S0001", "S0002"]);
    expect(ids(listedMovements(all, { ...ALL_MOVEMENTS, text: "m-4" }))).toEqual(["P001"]);
  });
});
