import { z } from "zod";
import { planSchema } from "./plan.ts";
import { replanEventsSchema } from "./replan-events.ts";
import { scenarioSchema } from "./scenario.ts";

/** The JSON Schemas of the two file formats, generated from the zod types (what a file may contain). */
export function fileSchemas(): Record<"scenario.schema.json" | "plan.schema.json" | "replan-events.schema.json", string> {
  const render = (schema: z.ZodType, id: string, title: string) =>
    `${JSON.stringify({ ...z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" }), $id: id, title }, null, 2)}\n`;
  return {
    "scenario.schema.json": render(scenarioSchema, "https://drawdown.local/schema/scenario.schema.json", "Drawdown scenario"),
    "plan.schema.json": render(planSchema, "https://drawdown.local/schema/plan.schema.json", "Drawdown plan"),
    "replan-events.schema.json": render(replanEventsSchema, "https://drawdown.local/schema/replan-events.schema.json", "Drawdown re-planning events"),
  };
}
