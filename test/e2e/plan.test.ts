/**
 * The Plan page in Chromium on the Niger scenario (replay clock at 2024-06-03 06:00Z): the Gantt of
 * the published plan with a row per aircraft, zoomed and panned from the keyboard; a sortie's load
 * plan opened with a click and with Enter, its balance and margins as the server computes them;
 * clearance status on the bars once requests are drafted; the host's officer reads it in French.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { apiCall, logIn, screenshot, seriousViolations } from "./browser.ts";
import { e2eSetup } from "./setup.ts";

const e2e = e2eSetup({
  clock: "2024-06-03T06:00Z",
  users: { planner: { party: "US", role: "movement_planner" }, officer: { party: "NE", role: "clearance_officer" } },
});
const user = e2e.user;

interface Gantt {
  version: { id: string };
  aircraft: { tail: string }[];
  sorties: { id: string; hasLoadPlan: boolean; clearance: string }[];
}
interface Load {
  legs: { plan: { cgPercentMac: number; forwardMarginPercentMac: number; aftMarginPercentMac: number; positions: unknown[] } | null }[];
  model: { positions: unknown[] } | null;
  pallets: { id: string }[];
}

const windowOf = async (page: Page) => {
  const w = page.getByTestId("gantt-window");
  return { start: Number(await w.getAttribute("data-start")), end: Number(await w.getAttribute("data-end")) };
};

describe("Plan", () => {
  let gantt: Gantt;

  it("shows the published plan as a Gantt, one row per aircraft, and opens a sortie's load plan on a click", async () => {
    const page = await e2e.browser.newPage();
    await logIn(page, e2e.server.url, user("planner"), "/plan");
    await page.getByTestId("no-plan").waitFor();
    expect((await apiCall(page, "POST", "/api/plans", {})).status).toBe(201);
    await page.reload();
    await page.getByTestId("gantt").waitFor();
    const versions = (await apiCall<{ items: { id: string }[] }>(page, "GET", "/api/plans")).body.items;
    gantt = (await apiCall<Gantt>(page, "GET", `/api/plans/${versions[0]?.id}/gantt`)).body;

    // A label per tail, and the sorties' bars drawn (the whole plan is in view at first).
    const labels = await page.locator(".gantt-row-label").allTextContents();
    for (const a of gantt.aircraft) expect(labels.some((l) => l.startsWith(a.tail))).toBe(true);
    const bars = page.locator("[data-sortie]");
    expect(await bars.count()).toBeGreaterThan(0);
    expect(await page.getByTestId("sorties-count").textContent()).toContain(`of ${gantt.sorties.length} sorties`);

    // Click a sortie that carries a load plan.
    const loaded = gantt.sorties.find((s) => s.hasLoadPlan);
    if (loaded === undefined) throw new Error("the Niger plan has loaded sorties");
    await page.locator(`[data-sortie="${loaded.id}"]`).click();
    const dialog = page.getByTestId("load-plan");
    await dialog.getByRole("heading", { name: `Load plan of sortie ${loaded.id}` }).waitFor();
    await dialog.getByTestId("aircraft-floor").waitFor();

    const load = (await apiCall<Load>(page, "GET", `/api/plans/${gantt.version.id}/sorties/${loaded.id}/load`)).body;
    const plan = load.legs[0]?.plan;
    if (plan === null || plan === undefined) throw new Error("a loaded leg with a load plan");
    const pct = (n: number) => `${new Intl.NumberFormat("en", { maximumFractionDigits: 1 }).format(n)} %`;
    expect(await dialog.getByTestId("cg").first().textContent()).toBe(pct(plan.cgPercentMac));
    expect(await dialog.getByTestId("forward-margin").first().textContent()).toBe(pct(plan.forwardMarginPercentMac));
    expect(await dialog.getByTestId("aft-margin").first().textContent()).toBe(pct(plan.aftMarginPercentMac));
    // Every position of the type, loaded or not, and each pallet's build-up from the top and the side.
    expect(await dialog.getByTestId("positions-table").first().locator("tbody tr").count()).toBe(load.model?.positions.length);
    expect(await dialog.locator("[data-position]").count()).toBe(load.model?.positions.length);
    expect(await dialog.getByTestId("pallet").count()).toBe(load.pallets.length);
    if (load.pallets.length > 0) expect(await dialog.getByTestId("pallet").first().locator("svg.pallet-view rect.pallet-piece").count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "plan-load-plan");

    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "plan");
    await page.close();
  });

  it("zooms and pans from the keyboard, and opens a load plan with Enter", async () => {
    const page = await e2e.browser.newPage();
    await logIn(page, e2e.server.url, user("planner"), "/plan");
    const viewport = page.getByTestId("gantt");
    await viewport.waitFor();
    const whole = await windowOf(page);

    await viewport.focus();
    await page.keyboard.press("+");
    await page.keyboard.press("+");
    const zoomed = await windowOf(page);
    expect(zoomed.end - zoomed.start).toBeLessThan((whole.end - whole.start) / 2);

    await page.keyboard.press("ArrowRight");
    const later = await windowOf(page);
    expect(later.start).toBeGreaterThan(zoomed.start);
    expect(later.end - later.start).toBeCloseTo(zoomed.end - zoomed.start, -3);

    await page.keyboard.press("Home");
    expect(await windowOf(page)).toEqual(whole);

    // The buttons do the same.
    await page.getByRole("button", { name: "Zoom in" }).click();
    expect((await windowOf(page)).end - (await windowOf(page)).start).toBeLessThan(whole.end - whole.start);
    await page.getByRole("button", { name: "Whole plan" }).click();

    // Tab from the chart to the first sortie, then Enter.
    await viewport.focus();
    await page.keyboard.press("Tab");
    const focused = await page.evaluate("document.activeElement?.getAttribute('data-sortie')");
    expect(typeof focused).toBe("string");
    await page.keyboard.press("Enter");
    await page.getByTestId("load-plan").getByRole("heading", { name: `Load plan of sortie ${String(focused)}` }).waitFor();
    await page.keyboard.press("Escape");
    await page.close();
  });

  it("colours each sortie by its clearance requests once the planners draft them", async () => {
    const page = await e2e.browser.newPage();
    await logIn(page, e2e.server.url, user("planner"), "/plan");
    expect((await apiCall(page, "POST", "/api/clearances/drafts", {})).status).toBe(201);
    await page.reload();
    await page.getByTestId("gantt").waitFor();
    const after = (await apiCall<Gantt>(page, "GET", `/api/plans/${gantt.version.id}/gantt`)).body;
    const drafted = after.sorties.find((s) => s.clearance === "draft");
    if (drafted === undefined) throw new Error("a sortie with drafted requests");
    expect(await page.locator(`[data-sortie="${drafted.id}"]`).getAttribute("aria-label")).toContain("Clearance: requests drafted, not filed");
    expect(await page.getByTestId("sortie-table").textContent()).toContain("requests drafted, not filed");
    await page.close();
  });

  it("gives the host's clearance officer the same plan, in French", async () => {
    const page = await e2e.browser.newPage();
    await logIn(page, e2e.server.url, user("officer"), "/plan");
    await page.getByTestId("gantt").waitFor();
    await page.getByRole("radio", { name: "Français" }).click();
    await page.getByRole("heading", { level: 2, name: "Sorties par avion, convois et places sur vols commerciaux" }).waitFor();
    expect(await page.getByTestId("gantt-window").textContent()).toMatch(/^Du \d{1,2} (mai|juin|juil\.|août|sept\.) 2024/);
    const loaded = gantt.sorties.find((s) => s.hasLoadPlan);
    await page.locator(`[data-sortie="${loaded?.id}"]`).click();
    const dialog = page.getByTestId("load-plan");
    await dialog.getByRole("heading", { name: `Plan de chargement de la sortie ${loaded?.id}` }).waitFor();
    expect(await dialog.getByTestId("cg").first().textContent()).toMatch(/^\d+(,\d)? %$/);
    expect(await dialog.textContent()).toContain("Marge à la limite avant");
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "plan-load-plan-fr");
    await page.keyboard.press("Escape");
    await page.getByRole("radio", { name: "English" }).click();
    await page.close();
  });
});
