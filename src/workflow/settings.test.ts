import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, workflowSettingsSchema } from "./settings.ts";

describe("workflow settings", () => {
  it("disclose the least by default", () => {
    expect(workflowSettingsSchema.parse({})).toEqual({ hostSeesDocumentNumbers: false, hostSeesUnits: false });
    expect(DEFAULT_SETTINGS).toEqual(workflowSettingsSchema.parse({}));
  });

  it("reject unknown flags", () => {
    expect(workflowSettingsSchema.safeParse({ hostSeesEverything: true }).success).toBe(false);
  });
});
