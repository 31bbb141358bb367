import { describe, expect, it } from "vitest";
import type { Io } from "./io.ts";
import { progressReporter } from "./progress.ts";

const capture = () => {
  const lines: string[] = [];
  const io: Io = { out: () => {}, err: (t) => void lines.push(t), interactive: false };
  return { io, lines };
};

describe("progress on stderr", () => {
  it("stays quiet for the first second, then prints phase, percentage and detail (best closure so far)", () => {
    const { io, lines } = capture();
    let now = 0;
    const p = progressReporter(io, () => now);
    p.update("sorties", 0.5, "best closure 2024-07-16 09:00Z");
    expect(lines).toEqual([]);
    now = 1500;
    p.update("sorties", 0.5, "best closure 2024-07-16 09:00Z");
    expect(lines).toEqual(["sorties 50% best closure 2024-07-16 09:00Z"]);
  });

  it("prints each new phase at once and the same phase at most every two seconds", () => {
    const { io, lines } = capture();
    let now = 0;
    const p = progressReporter(io, () => now);
    now = 1000;
    p.update("sorties", 0.1);
    now = 1500;
    p.update("sorties", 0.2);
    p.update("lp-bound", 0);
    now = 4000;
    p.update("lp-bound", 1);
    expect(lines).toEqual(["sorties 10%", "lp-bound 0%", "lp-bound 100%"]);
  });
});
