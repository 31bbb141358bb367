import { describe, expect, it } from "vitest";
import { parseBr } from "./br-format.ts";

describe("parseBr", () => {
  it("turns items into boxes, one per unit, weighing their volume in thousandths, with the allowed orientations", () => {
    const r = parseBr(
      JSON.stringify({
        type: "input",
        large_object: { measurement: { x: 587, y: 233, z: 220 } },
        small_items: [
          { measurement: { x: 100, y: 50, z: 20 }, quantity: 2, constraint: { orientation: { xyz: true, yxz: true, zyx: false } } },
          { measurement: { x: 10, y: 10, z: 10 }, quantity: 1 },
        ],
      }),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.instance.container).toEqual({ length: 587, width: 233, height: 220 });
    expect(r.instance.boxes.map((b) => b.id)).toEqual(["t0-0", "t0-1", "t1-0"]);
    expect(r.instance.boxes[0]).toEqual({ id: "t0-0", length: 100, width: 50, height: 20, weight: 100, orientations: ["lwh", "wlh"] });
    // No constraint: every orientation.
    expect(r.instance.boxes[2]?.orientations).toBeUndefined();
  });

  it("reports a missing container with its JSON path and line", () => {
    const r = parseBr('{\n  "small_items": []\n}');
    if (r.ok) throw new Error("should fail");
    expect(r.issues.map((i) => i.path)).toEqual(["$.large_object", "$.small_items"]);
    expect(r.issues[1]?.line).toBe(2);
  });
});
