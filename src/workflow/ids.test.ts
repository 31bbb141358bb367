import { describe, expect, expectTypeOf, it } from "vitest";
import {
  asMovementId,
  counterIds,
  type MovementId,
  movementIdSchema,
  partyCodeSchema,
  type PersonId,
  personIdSchema,
} from "./ids.ts";

describe("ids", () => {
  it("a counter gives deterministic ids", () => {
    const next = counterIds("CR");
    expect([next(), next(), next()]).toEqual(["CR-1", "CR-2", "CR-3"]);
    expect(counterIds("M", 7)()).toBe("M-7");
  });

  it("schemas check the wire form", () => {
    expect(personIdSchema.safeParse("P-1").success).toBe(true);
    expect(personIdSchema.safeParse("../etc/passwd").success).toBe(false);
    expect(personIdSchema.safeParse("").success).toBe(false);
    expect(partyCodeSchema.safeParse("US").success).toBe(true);
    expect(partyCodeSchema.safeParse("us").success).toBe(false);
  });

  it("a movement id is not a person id, at compile time", () => {
    expectTypeOf<MovementId>().not.toEqualTypeOf<PersonId>();
    expectTypeOf(movementIdSchema.parse("M-1")).toEqualTypeOf<MovementId>();
    const m = asMovementId("M-1");
    // @ts-expect-error: brands do not mix
    const p: PersonId = m;
    expect(p).toBe("M-1");
  });
});
