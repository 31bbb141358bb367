import { z } from "zod";
import { durationSchema, provenanceShape, sourcedIntSchema } from "./figure.ts";
import { aircraftTypeIdSchema, siteIdSchema } from "./ids.ts";

const AFMAN = "AFMAN 11-202 Volume 3, General Flight Rules: flight duty period and crew rest";

/** A duration default in hours with its provenance, as a scenario file would state it. */
const hours = (value: number, provenance: { source?: string; assumption?: true; rationale?: string }) =>
  // The figure's input type names only its default unit; every unit of DURATION_UNITS parses.
  ({ value, unit: "hours", ...provenance }) as unknown as z.input<typeof durationSchema>;

/** A crew complement: a basic crew, or one augmented with extra pilots so that members rest in flight. */
export const crewComplementSchema = z.enum(["basic", "augmented"]);
export type CrewComplement = z.output<typeof crewComplementSchema>;

const dutyLimitsShape = {
  basicDutyPeriod: durationSchema.optional().describe("Longest flight duty period of a basic crew."),
  augmentedDutyPeriod: durationSchema.optional().describe("Longest flight duty period of an augmented crew."),
};

/**
 * The crew duty rules the scheduler keeps and the verifier checks. A duty period runs from report
 * (`reportBefore` the first departure) to the last arrival ("final engine shutdown"); a crew may start a
 * new one only after `minimumRest` on the ground. Defaults: the US Air Force figures (16 h basic, 24 h
 * augmented, 12 h rest), the C-130 (no crew bunks) at 18 h augmented.
 */
export const crewDutySchema = z
  .strictObject({
    basicDutyPeriod: durationSchema.prefault(hours(16, { source: `${AFMAN}: basic aircrew FDP 16 hours` })),
    augmentedDutyPeriod: durationSchema.prefault(hours(24, { source: `${AFMAN}: augmented aircrew FDP 24 hours` })),
    minimumRest: durationSchema.prefault(hours(12, { source: `${AFMAN}: 12 hours of crew rest before a flight duty period` })),
    reportBefore: durationSchema.prefault(
      hours(1, {
        assumption: true,
        rationale: "Pre-flight duties between report and take-off; AMC mission show times are longer, but loading is done by the ground crew.",
      }),
    ),
    byType: z
      .array(z.strictObject({ type: aircraftTypeIdSchema, ...dutyLimitsShape, ...provenanceShape }))
      .prefault([
        {
          type: "C-130J-30",
          augmentedDutyPeriod: hours(18, {
            source: "AFI 11-2C-130 Volume 3, C-130 Operations Procedures: augmented crews limited to 18 hours (no crew rest facilities aboard)",
          }),
        },
      ])
      .describe("Limits that differ by aircraft type."),
    ...provenanceShape,
  })
  .describe("Flight duty periods and crew rest.");

/**
 * Crews of a fleet entry: each aircraft flies with its own crew (`complement`), and rested crews may
 * wait at staging sites to take an aircraft over when it lands there (crew staging).
 */
export const fleetCrewSchema = z
  .strictObject({
    complement: crewComplementSchema.default("basic"),
    staged: z
      .array(
        z.strictObject({
          site: siteIdSchema,
          count: sourcedIntSchema.describe("Rested crews waiting there from the start, for this entry's aircraft."),
          ...provenanceShape,
        }),
      )
      .default([])
      .describe("Crews staged at sites (crew ids `<fleet id>@<site>:<n>`)."),
    ...provenanceShape,
  })
  .describe("Crew complement and staged crews.");

export type CrewDuty = z.output<typeof crewDutySchema>;
export type FleetCrew = z.output<typeof fleetCrewSchema>;

/** The default fleet crew: one basic crew per aircraft, none staged. */
export const DEFAULT_FLEET_CREW: FleetCrew = { complement: "basic", staged: [] };

/** Longest duty period, minutes, for a complement on a type. */
export function dutyLimitMinutes(rules: CrewDuty, typeId: string, complement: CrewComplement): number {
  const byType = rules.byType.find((t) => t.type === typeId);
  if (complement === "augmented") return byType?.augmentedDutyPeriod ?? rules.augmentedDutyPeriod;
  return byType?.basicDutyPeriod ?? rules.basicDutyPeriod;
}

/** The crew id of an aircraft's own crew: `<tail>:crew`. */
export const ownCrewId = (tail: string): string => `${tail}:crew`;

/** The crew id of the n-th crew (1-based) staged at a site for a fleet entry. */
export const stagedCrewId = (fleet: string, site: string, n: number): string => `${fleet}@${site}:${n}`;
