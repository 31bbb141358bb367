import { describe, expect, it } from "vitest";
import { Budget, WORK_UNITS_PER_MS } from "./budget.ts";

describe("Budget", () => {
  it("counts work when there is no clock", () => {
    const b = Budget.start(1);
    expect(b.spend(WORK_UNITS_PER_MS - 1)).toBe(false);
    expect(b.spend(1)).toBe(true);
  });

  it("follows an injected clock", () => {
    let t = 0;
    const b = Budget.start(10, () => t);
    for (let i = 0; i < 20; i++) expect(b.exhausted()).toBe(false);
    t = 11;
    let stopped = false;
    for (let i = 0; i < 20 && !stopped; i++) stopped = b.exhausted();
    expect(stopped).toBe(true);
  });

  it("charges a slice's work to its parent", () => {
    const parent = Budget.start(1);
    const child = parent.slice(0.5);
    child.spend(WORK_UNITS_PER_MS / 2);
    expect(child.exhausted()).toBe(true);
    expect(parent.spent).toBe(WORK_UNITS_PER_MS / 2);
    expect(parent.spend(WORK_UNITS_PER_MS / 2)).toBe(true);
  });
});
