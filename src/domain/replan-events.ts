import { z } from "zod";
import { cargoItemSchema } from "./cargo.ts";
import { countryCodeSchema, siteIdSchema } from "./ids.ts";
import { instantSchema } from "./instant-schema.ts";
import { type FileIssue, parseLocatedJson, zodFileIssues } from "./json-issues.ts";

export const REPLAN_EVENTS_FORMAT_VERSION = 1;

const movementId = z.string().min(1).describe("A movement id of the plan: sortie `S…`, convoy `C…` or airline movement `P…`.");
const reason = z.string().min(1).optional().describe("Why, for the record and the messages.");

/** What happened since the plan was made, one event at a time (see docs/replan-events.md). */
export const replanEventSchema = z.discriminatedUnion("kind", [
  z
    .strictObject({ kind: z.literal("executed"), movement: movementId, reason })
    .describe("The movement took place as planned: it is history, never changed."),
  z
    .strictObject({ kind: z.literal("cancelled"), movement: movementId, reason })
    .describe("The movement did not and will not take place: what it carried is still where it was."),
  z
    .strictObject({
      kind: z.literal("aircraft_out"),
      aircraft: z.string().min(1).describe("Tail id `<fleet id>-<n>`."),
      from: instantSchema.optional().describe("Out of service from (default: `now`)."),
      to: instantSchema.optional().describe("Back in service at (absent: for good)."),
      reason,
    })
    .describe("An aircraft out of service: none of its movements may overlap the period."),
  z
    .strictObject({
      kind: z.literal("clearance_denied"),
      country: countryCodeSchema,
      clearance: z.enum(["landing", "overflight"]),
      airfield: siteIdSchema.optional().describe("For a landing: only at this airfield."),
      from: instantSchema.optional().describe("Denied for flights from (default: `now`)."),
      reason,
    })
    .describe("The host refuses a clearance for good: no flight that needs it from then on."),
  z
    .strictObject({
      kind: z.literal("clearance_delayed"),
      country: countryCodeSchema,
      clearance: z.enum(["landing", "overflight"]),
      airfield: siteIdSchema.optional().describe("For a landing: only at this airfield."),
      from: instantSchema.optional().describe("Withheld for flights from (default: `now`)…"),
      until: instantSchema.describe("…until this instant: flights needing it wait."),
      reason,
    })
    .describe("The host withholds a clearance for a while."),
  z
    .strictObject({
      kind: z.literal("new_cargo"),
      cargo: z.array(cargoItemSchema).min(1).describe("Cargo lines as in a scenario file (ids new to the scenario)."),
      reason,
    })
    .describe("Cargo found or added at host sites: it must leave too, from `now`."),
]);

export const replanEventsSchema = z.strictObject({
  $schema: z.string().optional(),
  formatVersion: z.literal(REPLAN_EVENTS_FORMAT_VERSION),
  now: instantSchema.describe("When the re-plan is made: movements departing before it are history unless cancelled."),
  events: z.array(replanEventSchema),
});

export type ReplanEvents = z.output<typeof replanEventsSchema>;
export type ReplanEvent = ReplanEvents["events"][number];

export type ReplanEventsResult = { ok: true; value: ReplanEvents; raw: unknown } | { ok: false; issues: FileIssue[] };

/**
 * Reads an events file from its JSON text, every problem at once with its JSON path, line:column and a
 * hint; `raw` keeps the file's own values (new cargo lines are added to the scenario as written).
 */
export function parseReplanEventsText(text: string): ReplanEventsResult {
  const parsed = parseLocatedJson(text);
  if (!parsed.ok) return parsed;
  const result = replanEventsSchema.safeParse(parsed.json.value);
  if (!result.success) return { ok: false, issues: zodFileIssues(parsed.json, result.error.issues).sort((a, b) => a.line - b.line || a.column - b.column) };
  return { ok: true, value: result.data, raw: parsed.json.value };
}
