import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Actor, PARTY_SIDES, type PartySide, ROLES, type Role } from "./actor.ts";
import { buildActor, NE, US } from "./factories.ts";
import {
  type Action,
  abilities,
  authorize,
  can,
  DECISIONS,
  POLICY,
  RESOURCE_ACTIONS,
  RESOURCE_TYPES,
  type Resource,
  type ResourceType,
} from "./policy.ts";
import type { WorkflowSettings } from "./settings.ts";

/**
 * The expectation, written out case by case without looking at the table: if the table and this
 * function disagree on any combination, one of them is wrong and a person must decide which.
 */
function expected(role: Role, side: PartySide, action: Action, resource: ResourceType, own: boolean, disclose: boolean): boolean {
  const planner = role === "movement_planner";
  const officer = role === "clearance_officer";
  const member = role === "commission_member";
  const admin = role === "administrator";
  const host = side === "host";
  switch (resource) {
    case "clearance_request":
      switch (action) {
        case "read":
          return true;
        case "create":
        case "update":
        case "submit":
        case "resubmit":
        case "accept_amendment":
        case "cancel":
        case "record_use":
          return planner && own && !host;
        case "approve":
        case "deny":
        case "amend":
          return officer && host && !own;
        case "expire":
          return officer || admin;
        default:
          return false;
      }
    case "movement":
      return action === "read" ? true : planner && own;
    case "person":
      if (action === "read") return true;
      if (action === "read_personal") {
        if (own) return role !== "observer";
        return host && disclose && (officer || member);
      }
      return planner && own;
    case "personnel_event":
    case "cargo_disposition":
      return action === "read" ? true : planner && own;
    case "handover_list":
      if (action === "read") return true;
      if (action === "sign") return member;
      return planner && own;
    case "plan_version":
      return action === "read" ? true : (planner || member) && own && !host;
    case "checkpoint":
      return action === "read" ? true : member && own;
    case "user":
      return admin && own;
  }
}

const partyOf = (side: PartySide) => (side === "departing" ? US : NE);
const otherOf = (side: PartySide) => (side === "departing" ? NE : US);
const settingsOf = (disclose: boolean): WorkflowSettings => ({ hostSeesDocumentNumbers: disclose, hostSeesUnits: false });

interface Case {
  readonly role: Role;
  readonly side: PartySide;
  readonly resource: ResourceType;
  readonly action: Action;
  readonly own: boolean;
  readonly disclose: boolean;
}

const ALL_CASES: Case[] = ROLES.flatMap((role) =>
  PARTY_SIDES.flatMap((side) =>
    RESOURCE_TYPES.flatMap((resource) =>
      (RESOURCE_ACTIONS[resource] as readonly Action[]).flatMap((action) =>
        [true, false].flatMap((own) => [true, false].map((disclose) => ({ role, side, resource, action, own, disclose }))),
      ),
    ),
  ),
);

const resourceFor = (c: Pick<Case, "resource" | "own" | "side">): Resource => ({
  type: c.resource,
  owner: c.own ? partyOf(c.side) : otherOf(c.side),
});

describe("policy table", () => {
  const actionCount = RESOURCE_TYPES.reduce((n, r) => n + RESOURCE_ACTIONS[r].length, 0);

  it("covers every role × party × action × owner × disclosure combination", () => {
    expect(ALL_CASES).toHaveLength(ROLES.length * PARTY_SIDES.length * actionCount * 2 * 2);
  });

  it("agrees with the explicit expectation on every combination", () => {
    const disagreements = ALL_CASES.filter((c) => {
      const actor = buildActor(partyOf(c.side), c.role);
      return can(actor, c.action, resourceFor(c), settingsOf(c.disclose)) !== expected(c.role, c.side, c.action, c.resource, c.own, c.disclose);
    });
    expect(disagreements).toEqual([]);
  });

  it("agrees on every combination drawn by fast-check, and for several roles grants the union", () => {
    const roleSet = fc.uniqueArray(fc.constantFrom(...ROLES), { minLength: 0, maxLength: ROLES.length });
    const aCase = fc.constantFrom(...ALL_CASES);
    fc.assert(
      fc.property(aCase, roleSet, (c, roles) => {
        const actor: Actor = buildActor(partyOf(c.side), ...roles);
        const want = roles.some((r) => expected(r, c.side, c.action, c.resource, c.own, c.disclose));
        expect(can(actor, c.action, resourceFor(c), settingsOf(c.disclose))).toBe(want);
      }),
      { numRuns: 3000 },
    );
  });

  it("never lets anyone decide on their own party's clearance request", () => {
    const roleSet = fc.uniqueArray(fc.constantFrom(...ROLES), { maxLength: ROLES.length });
    fc.assert(
      fc.property(fc.constantFrom(...PARTY_SIDES), roleSet, fc.constantFrom(...DECISIONS), fc.boolean(), (side, roles, action, disclose) => {
        const actor = buildActor(partyOf(side), ...roles);
        expect(can(actor, action, { type: "clearance_request", owner: actor.party }, settingsOf(disclose))).toBe(false);
      }),
    );
  });

  it("lets only the host's clearance officers decide", () => {
    for (const c of ALL_CASES.filter((x) => x.resource === "clearance_request" && (DECISIONS as readonly string[]).includes(x.action))) {
      const allowed = can(buildActor(partyOf(c.side), c.role), c.action, resourceFor(c), settingsOf(c.disclose));
      if (allowed) expect([c.role, c.side, c.own]).toEqual(["clearance_officer", "host", false]);
    }
  });

  it("lets the departing party's planners draft, submit and cancel their own requests, and nobody else's", () => {
    const usPlanner = buildActor(US, "movement_planner");
    const nePlanner = buildActor(NE, "movement_planner");
    for (const action of ["create", "update", "submit", "cancel"] as const) {
      expect(can(usPlanner, action, { type: "clearance_request", owner: US })).toBe(true);
      expect(can(usPlanner, action, { type: "clearance_request", owner: NE })).toBe(false);
      expect(can(nePlanner, action, { type: "clearance_request", owner: US })).toBe(false);
    }
  });

  it("never lets an observer do anything but read", () => {
    for (const c of ALL_CASES.filter((x) => x.role === "observer")) {
      const allowed = can(buildActor(partyOf(c.side), "observer"), c.action, resourceFor(c), settingsOf(c.disclose));
      if (allowed) expect(c.action).toBe("read");
    }
  });

  it("shows the host the other party's personal data only when the agreement says so", () => {
    const person = { type: "person", owner: US } as const;
    for (const role of ROLES) {
      expect(can(buildActor(NE, role), "read_personal", person, settingsOf(false))).toBe(false);
      expect(can(buildActor(NE, role), "read", person, settingsOf(false))).toBe(true);
    }
    expect(can(buildActor(NE, "clearance_officer"), "read_personal", person, settingsOf(true))).toBe(true);
    expect(can(buildActor(NE, "observer"), "read_personal", person, settingsOf(true))).toBe(false);
  });

  it("refuses actions that do not exist on the resource", () => {
    const officer = buildActor(NE, "clearance_officer", "movement_planner", "administrator", "commission_member");
    expect(can(officer, "approve", { type: "movement", owner: US })).toBe(false);
    expect(can(officer, "publish", { type: "clearance_request", owner: US })).toBe(false);
  });

  it("names only actions that exist on each row's resource", () => {
    for (const rule of POLICY)
      for (const a of rule.actions) expect(RESOURCE_ACTIONS[rule.resource] as readonly string[]).toContain(a);
  });
});

describe("abilities", () => {
  it("lists exactly the allowed actions, in the table's order", () => {
    for (const c of ALL_CASES.filter((x) => x.action === "read")) {
      const actor = buildActor(partyOf(c.side), c.role);
      const res = resourceFor(c);
      const settings = settingsOf(c.disclose);
      const want = (RESOURCE_ACTIONS[c.resource] as readonly Action[]).filter((a) => can(actor, a, res, settings));
      expect(abilities(actor, res, settings)).toEqual(want);
    }
  });

  it("gives a host clearance officer the decisions on a departing party's request", () => {
    expect(abilities(buildActor(NE, "clearance_officer"), { type: "clearance_request", owner: US })).toEqual([
      "read",
      "approve",
      "deny",
      "amend",
      "expire",
    ]);
  });

  it("gives a departing planner the requester's actions on its own request", () => {
    expect(abilities(buildActor(US, "movement_planner"), { type: "clearance_request", owner: US })).toEqual([
      "read",
      "create",
      "update",
      "submit",
      "resubmit",
      "accept_amendment",
      "cancel",
      "record_use",
    ]);
  });
});

describe("authorize", () => {
  it("returns nothing when allowed and a policy.forbidden error naming the attempt otherwise", () => {
    expect(authorize(buildActor(NE, "clearance_officer"), "approve", { type: "clearance_request", owner: US })).toBeUndefined();
    const e = authorize(buildActor(NE, "observer"), "approve", { type: "clearance_request", owner: US });
    expect(e?.code).toBe("policy.forbidden");
    expect(e?.message).toContain("approve");
    expect(e?.details).toEqual({ action: "approve", resource: "clearance_request", owner: "US" });
  });

  it("names an actor without roles", () => {
    expect(authorize(buildActor(US), "read", { type: "movement", owner: US })?.message).toContain("no role");
  });
});
