import { cpus, totalmem } from "node:os";

/** One table of a benchmark's results: a caption, rows, and notes under the table. */
export interface BenchSection {
  readonly title: string;
  readonly intro?: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
  readonly notes?: readonly string[];
}

/** A named benchmark: `npm run bench -- <name>` runs only those named. */
export interface Benchmark {
  readonly name: string;
  readonly description: string;
  run(log: (line: string) => void): Promise<BenchSection[]>;
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[m] ?? Number.NaN) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

export const percentile = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? Number.NaN;
};

export const fmt = (x: number, digits = 1): string => (Number.isFinite(x) ? x.toFixed(digits) : "—");

/** The machine line every BENCHMARKS.md carries. */
export function machine(date: Date): string {
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  return `${date.toISOString().slice(0, 10)} · Node ${process.version} · ${cpus().length} × ${cpu} · ${Math.round(totalmem() / 2 ** 30)} GiB`;
}

export function renderSection(s: BenchSection): string {
  const lines = [`### ${s.title}`, ""];
  if (s.intro) lines.push(s.intro, "");
  lines.push(`| ${s.columns.join(" | ")} |`, `|${s.columns.map(() => "---").join("|")}|`);
  for (const r of s.rows) lines.push(`| ${r.map(String).join(" | ")} |`);
  if (s.notes && s.notes.length > 0) lines.push("", ...s.notes.map((n) => `- ${n}`));
  return `${lines.join("\n")}\n`;
}
