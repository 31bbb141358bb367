/**
 * Every violation code of docs/plan-format.md, in the order of its rules table. The test suite parses
 * the document and fails when this list and the table drift apart.
 */
export const VIOLATION_CODES = [
  "plan.schema",
  "plan.scenario",
  "plan.incomplete",
  "ref.unknown",
  "cargo.conservation",
  "personnel.conservation",
  "movement.before_start",
  "deadline.missed",
  "aircraft.unknown",
  "aircraft.availability",
  "aircraft.continuity",
  "aircraft.ground_time",
  "aircraft.out_of_service",
  "crew.unknown",
  "crew.continuity",
  "crew.duty",
  "leg.route",
  "leg.block_time",
  "leg.range",
  "site.airfield",
  "site.operating_hours",
  "site.parking",
  "load.payload",
  "load.positions",
  "load.seats",
  "load.fit",
  "load.charter_cargo",
  "load.sensitive",
  "load.balance",
  "load.position",
  "load.floor",
  "load.placement",
  "load.hazard",
  "pallet.build",
  "convoy.route",
  "convoy.time",
  "convoy.escort",
  "convoy.per_day",
  "convoy.trucks",
  "convoy.capacity",
  "commercial.schedule",
  "commercial.seats",
  "commercial.eligible",
  "personnel.window",
  "closing_team.stays",
  "clearance.missing",
  "clearance.lead_time",
  "clearance.mismatch",
  "clearance.orphan",
  "clearance.refused",
  "summary.mismatch",
] as const;

/** One code of the rules table (plus `plan.schema` for a file that is not a plan at all). */
export type ViolationCode = (typeof VIOLATION_CODES)[number];

/**
 * One broken rule: the code, what it concerns and a message a planner can act on.
 * @example { code: "leg.block_time", movement: "S3", message: "leg 2 MAIN→HOME takes 200 min, block time is 243 min" }
 */
export interface Violation {
  readonly code: ViolationCode;
  /** The movement concerned: sortie `S…`, convoy `C…` or commercial movement `P…` id. */
  readonly movement?: string;
  /** The other object concerned: pallet, site, group, cargo line, clearance request or fleet tail id. */
  readonly subject?: string;
  readonly message: string;
}

/** Where rules put what they find; rules never stop at the first violation. */
export interface ViolationSink {
  add(violation: Violation): void;
}

/** A sink that collects violations in order. */
export function collectingSink(): ViolationSink & { readonly violations: Violation[] } {
  const violations: Violation[] = [];
  return { violations, add: (v) => void violations.push(v) };
}

/**
 * Builds a violation leaving out absent fields (the project compiles with exactOptionalPropertyTypes).
 * @example violation("site.parking", "3 heavy aircraft on the ground, 2 spots", { subject: "MAIN" })
 */
export function violation(
  code: ViolationCode,
  message: string,
  about: { readonly movement?: string | undefined; readonly subject?: string | undefined } = {},
): Violation {
  return {
    code,
    ...(about.movement !== undefined ? { movement: about.movement } : {}),
    ...(about.subject !== undefined ? { subject: about.subject } : {}),
    message,
  };
}
