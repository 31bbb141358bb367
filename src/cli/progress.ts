import cliProgress from "cli-progress";
import type { Io } from "./io.ts";

/**
 * Progress on stderr for runs longer than a second: a bar on a terminal, a line per phase otherwise.
 * `now` is injected so tests can drive it.
 */
export function progressReporter(io: Io, now: () => number = () => performance.now()) {
  const started = now();
  let bar: cliProgress.SingleBar | undefined;
  let lastPhase = "";
  let lastLine = 0;
  return {
    update(phase: string, fraction: number, detail?: string) {
      const elapsed = now() - started;
      if (elapsed < 1000) return;
      const pct = Math.round(Math.max(0, Math.min(1, fraction)) * 100);
      if (io.interactive) {
        if (!bar) {
          bar = new cliProgress.SingleBar(
            { format: "{phase} [{bar}] {percentage}% {detail}", stream: process.stderr, hideCursor: true },
            cliProgress.Presets.shades_classic,
          );
          bar.start(100, pct, { phase, detail: detail ?? "" });
        }
        bar.update(pct, { phase, detail: detail ?? "" });
        return;
      }
      if (phase !== lastPhase || elapsed - lastLine > 2000) {
        io.err(`${phase} ${pct}%${detail ? ` ${detail}` : ""}`);
        lastPhase = phase;
        lastLine = elapsed;
      }
    },
    stop() {
      bar?.stop();
    },
  };
}
