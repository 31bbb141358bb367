/**
 * The web app in Chromium (Debian's, through playwright-core) on generated MINUSMA-scale scenarios:
 * how long the Overview takes to render, and whether the Plan page's Gantt stays smooth while it is
 * zoomed and panned with thousands of sorties. Each scenario runs on its own `drawdown serve` with a
 * published plan; every measure is a median over several runs, each on a fresh page.
 *
 * Measured in the page: `performance.now()` when the page's content first exists (a MutationObserver
 * installed before the app loads), the intervals between animation frames while an interaction runs,
 * and long tasks (PerformanceObserver `longtask`, main-thread tasks over 50 ms). A freeze is a task
 * of 200 ms or more (the "good" limit of Interaction to Next Paint): the goal is none while panning
 * or zooming. Headless Chromium with software rendering on a shared 2-core machine: absolute figures
 * are pessimistic; compare runs on the same machine.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { GENERATOR_PRESETS, generateWithSummary } from "#generate/generate.ts";
import { apiCall, launchBrowser, logIn } from "../test/e2e/browser.ts";
import { startServer } from "../test/e2e/server.ts";
import { type Benchmark, type BenchSection, fmt, median } from "./harness.ts";

/** Runs of each measure (BENCH_WEB_RUNS shortens a check run). */
const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 5);
/** A task this long or longer is a freeze. */
const FREEZE_MS = 200;
/** The Overview's goal. */
const OVERVIEW_GOAL_MS = 1500;

/** Installed before the app loads: long tasks, and when the Overview and the Gantt first show. */
const INIT = `
window.__bench = { longtasks: [], ready: {} };
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__bench.longtasks.push({ start: e.startTime, duration: e.duration }); }).observe({ type: "longtask", buffered: true });
const marks = {
  overview: () => document.querySelector('[data-testid="site-table"]') && document.querySelector('[data-testid="burndown-chart"] svg path'),
  gantt: () => document.querySelector('[data-sortie], .gantt-dense-row path'),
};
new MutationObserver(() => {
  for (const [k, ready] of Object.entries(marks)) if (!(k in window.__bench.ready) && ready()) window.__bench.ready[k] = performance.now();
}).observe(document, { subtree: true, childList: true });
`;

const START_FRAMES = `(() => { const b = window.__bench; b.frames = []; b.since = performance.now(); b.recording = true; const loop = (t) => { b.frames.push(t); if (b.recording) requestAnimationFrame(loop); }; requestAnimationFrame(loop); })()`;
const STOP_FRAMES = `(() => { const b = window.__bench; b.recording = false; const f = b.frames; const gaps = f.slice(1).map((t, i) => t - f[i]); const tasks = b.longtasks.filter((x) => x.start >= b.since).map((x) => x.duration); return { gaps, tasks }; })()`;

/** One interaction's figures. */
interface Interaction {
  readonly p95Frame: number;
  readonly maxFrame: number;
  readonly longest: number;
  readonly longTasks: number;
}

const p95 = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)] ?? Number.NaN;
};

async function measure(page: Page, act: () => Promise<void>): Promise<Interaction> {
  await page.evaluate(START_FRAMES);
  await act();
  // Let the last frame after the interaction paint.
  await page.waitForTimeout(300);
  const { gaps, tasks } = (await page.evaluate(STOP_FRAMES)) as { gaps: number[]; tasks: number[] };
  return { p95Frame: p95(gaps), maxFrame: Math.max(0, ...gaps), longest: Math.max(0, ...tasks), longTasks: tasks.length };
}

/** The interactions on the Gantt: Ctrl + wheel in, three drags, arrow keys, Ctrl + wheel out. */
async function ganttInteractions(page: Page): Promise<Record<string, Interaction>> {
  const box = await page.getByTestId("gantt").boundingBox();
  if (box === null) throw new Error("no Gantt on the page");
  const x = box.x + box.width * 0.6;
  const y = box.y + Math.min(box.height / 2, 200);
  await page.mouse.move(x, y);
  const zoomIn = await measure(page, async () => {
    await page.keyboard.down("Control");
    for (let i = 0; i < 15; i++) {
      await page.mouse.wheel(0, -120);
      await page.waitForTimeout(30);
    }
    await page.keyboard.up("Control");
  });
  const drag = await measure(page, async () => {
    for (let i = 0; i < 3; i++) {
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.move(x - 400, y, { steps: 40 });
      await page.mouse.up();
    }
  });
  await page.getByTestId("gantt").focus();
  const keys = await measure(page, async () => {
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press(i % 2 === 0 ? "ArrowRight" : "+");
      await page.waitForTimeout(50);
    }
  });
  await page.mouse.move(x, y);
  const zoomOut = await measure(page, async () => {
    await page.keyboard.down("Control");
    for (let i = 0; i < 15; i++) {
      await page.mouse.wheel(0, 120);
      await page.waitForTimeout(30);
    }
    await page.keyboard.up("Control");
  });
  return { "zoom in (Ctrl + wheel)": zoomIn, "pan (drag)": drag, "pan and zoom (keys)": keys, "zoom out (Ctrl + wheel)": zoomOut };
}

interface Case {
  readonly label: string;
  readonly options: Parameters<typeof generateWithSummary>[0];
}

const CASES: readonly Case[] = [
  { label: "MINUSMA preset", options: GENERATOR_PRESETS.minusma },
  // The MINUSMA mix with three times the cargo: the smallest generated plan past 5,000 sorties.
  { label: "MINUSMA mix, 24,000 pieces", options: { ...GENERATOR_PRESETS.minusma, label: "minusma-24k", items: 24_000, personnel: 20_000 } },
];

async function runCase(c: Case, dir: string, log: (line: string) => void) {
  const { scenario } = generateWithSummary(c.options);
  const file = join(dir, `${c.options.label ?? "case"}.json`);
  writeFileSync(file, JSON.stringify(scenario));
  const start = Date.parse(String((scenario as { planningStart?: string }).planningStart ?? scenario.agreement.withdrawalStart));
  const clock = new Date(start + 7 * 86_400_000).toISOString().slice(0, 16) + "Z";
  const server = await startServer({ clock, scenario: file, users: { planner: { party: String(scenario.agreement.parties.find((p) => p.role === "departing")?.code), role: "movement_planner" } } });
  const browser = await launchBrowser();
  try {
    const planner = server.users.planner;
    if (planner === undefined) throw new Error("no planner account");
    await browser.context.addInitScript({ content: INIT });
    const setup = await browser.newPage();
    await logIn(setup, server.url, planner, "/scenario");
    const began = performance.now();
    const published = await apiCall<{ id: string }>(setup, "POST", "/api/plans", {});
    if (published.status !== 201) throw new Error(`publishing failed: ${published.status}`);
    const gantt = await apiCall<{ sorties: unknown[]; aircraft: unknown[] }>(setup, "GET", `/api/plans/${published.body.id}/gantt`);
    const sorties = gantt.body.sorties.length;
    log(`${c.label}: ${sorties} sorties on ${gantt.body.aircraft.length} aircraft, published in ${fmt((performance.now() - began) / 1000)} s`);
    await setup.close();

    const overview: number[] = [];
    const overviewTask: number[] = [];
    const ganttReady: number[] = [];
    const interactions: Record<string, Interaction>[] = [];
    for (let run = 0; run < RUNS; run++) {
      const page = await browser.newPage();
      await page.goto(`${server.url}/`);
      await page.getByTestId("site-table").waitFor({ timeout: 60_000 });
      await page.waitForFunction("window.__bench && 'overview' in window.__bench.ready", undefined, { timeout: 60_000 });
      const o = (await page.evaluate("({ at: window.__bench.ready.overview, longest: Math.max(0, ...window.__bench.longtasks.map((t) => t.duration)) })")) as { at: number; longest: number };
      overview.push(o.at);
      overviewTask.push(o.longest);
      await page.goto(`${server.url}/plan`);
      await page.waitForFunction("window.__bench && 'gantt' in window.__bench.ready", undefined, { timeout: 60_000 });
      ganttReady.push((await page.evaluate("window.__bench.ready.gantt")) as number);
      interactions.push(await ganttInteractions(page));
      log(`${c.label}: run ${run + 1}/${RUNS}: overview ${fmt(o.at, 0)} ms, Gantt ${fmt(ganttReady.at(-1) ?? 0, 0)} ms`);
      await page.close();
    }
    return { sorties, overview, overviewTask, ganttReady, interactions };
  } finally {
    await browser.close();
    await server.stop();
  }
}

export const webBenchmark: Benchmark = {
  name: "web",
  description: "the web app in Chromium on MINUSMA-scale scenarios: Overview render time, Gantt pan/zoom frames and long tasks",
  async run(log) {
    const dir = mkdtempSync(join(tmpdir(), "drawdown-web-bench-"));
    const sections: BenchSection[] = [];
    const loadRows: (string | number)[][] = [];
    const ganttRows: (string | number)[][] = [];
    try {
      for (const c of CASES) {
        const r = await runCase(c, dir, log);
        const ov = median(r.overview);
        loadRows.push([c.label, r.sorties, fmt(ov, 0), ov < OVERVIEW_GOAL_MS ? "yes" : "no", fmt(median(r.overviewTask), 0), fmt(median(r.ganttReady), 0)]);
        const names = Object.keys(r.interactions[0] ?? {});
        for (const name of names) {
          const of = (f: (i: Interaction) => number) => median(r.interactions.map((x) => (x[name] ? f(x[name]) : Number.NaN)));
          const longest = Math.max(...r.interactions.map((x) => x[name]?.longest ?? 0));
          ganttRows.push([c.label, r.sorties, name, fmt(of((i) => i.p95Frame), 0), fmt(of((i) => i.maxFrame), 0), fmt(of((i) => i.longest), 0), fmt(longest, 0), longest < FREEZE_MS ? "yes" : "no"]);
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    sections.push({
      title: "Web app: time to render (Chromium, headless)",
      intro: `Median of ${RUNS} loads on a fresh page each, logged in, the plan published, replay clock a week into the withdrawal. Overview: from navigation start until the sites table and the burndown chart's SVG exist (goal < ${OVERVIEW_GOAL_MS} ms). Gantt: until the first sortie's bar exists (a button, or a dense row's path when the window holds too many to draw one by one).`,
      columns: ["scenario", "sorties", "Overview (ms)", `< ${OVERVIEW_GOAL_MS} ms`, "Overview's longest task (ms)", "Plan page's Gantt (ms)"],
      rows: loadRows,
    });
    sections.push({
      title: "Web app: Gantt pan and zoom (Chromium, headless)",
      intro: `Frame intervals (requestAnimationFrame) and long tasks (PerformanceObserver) while each interaction runs; medians of ${RUNS} runs. A freeze is a task of ${FREEZE_MS} ms or more: "no freeze" means none in any run.`,
      columns: ["scenario", "sorties", "interaction", "p95 frame (ms)", "longest frame (ms)", "longest task, median (ms)", "longest task, worst run (ms)", "no freeze"],
      rows: ganttRows,
      notes: [
        "Zoom: 15 Ctrl + wheel steps over the chart; pan: three 400 px drags; keys: ← → and + alternately, ten presses.",
        "Software rendering (--disable-gpu) on the shared 2-core machine: a desktop browser with a GPU draws faster.",
      ],
    });
    return sections;
  },
};
