import { z } from "zod";

/**
 * Agreement settings the workflows read: what personal data the host may see. They belong to the
 * scenario or agreement (the server reads them from there, or from its own configuration, and
 * passes them in); the default discloses the least.
 */
export const workflowSettingsSchema = z.strictObject({
  hostSeesDocumentNumbers: z
    .boolean()
    .default(false)
    .describe("True when the agreement requires document (passport, ID card) numbers to be shown to the host."),
  hostSeesUnits: z
    .boolean()
    .default(false)
    .describe("True when the host's procedures need each person's unit."),
});

/** The settings, parsed (defaults filled in). */
export type WorkflowSettings = z.output<typeof workflowSettingsSchema>;

/** Least disclosure: names and nationalities only. */
export const DEFAULT_SETTINGS: WorkflowSettings = Object.freeze({ hostSeesDocumentNumbers: false, hostSeesUnits: false });
