import { z } from "zod";
import { type Instant, parseInstant } from "./time.ts";

/** An ISO 8601 UTC instant in a file (`2024-09-15T23:59Z`), parsed to whole minutes since the epoch. */
export const instantSchema = z
  .string()
  .transform((s, ctx): Instant => {
    const t = parseInstant(s);
    if (t === undefined) {
      ctx.addIssue({
        code: "custom",
        message: `"${s}" is not an ISO 8601 instant with an offset; write e.g. 2024-09-15T23:59Z`,
        input: s,
      });
      return z.NEVER;
    }
    return t;
  })
  .describe("ISO 8601 instant with offset, e.g. 2024-09-15T23:59Z");

/** `HH:MM` (UTC) time of day, parsed to minutes after midnight. */
export const timeOfDaySchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "use HH:MM in UTC, e.g. 06:00")
  .transform((s) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5)))
  .describe("Time of day in UTC, HH:MM");

export const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
export const weekdaySchema = z.enum(WEEKDAYS);
export type Weekday = z.output<typeof weekdaySchema>;
