/**
 * The Map in Chromium on the Niger scenario, on the day of the plan's first sortie: borders from
 * world-atlas drawn as vectors with no tile and no request beyond the server, Niger and the
 * countries overflown shaded, the day's movements drawn and listed, another day on request, and
 * the same in French.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planWithdrawal } from "#planner/plan-withdrawal.ts";
import { loadShipped } from "#test/scenarios.ts";
import { apiCall, type E2eBrowser, launchBrowser, logIn, screenshot, seriousViolations } from "./browser.ts";
import { type E2eServer, startServer } from "./server.ts";

// The map page's colours (web/src/pages/map/world-map.tsx): Leaflet writes them on each SVG path.
const HOST_FILL = "#f3cf7a";
const OVERFLOWN_FILL = "#b9d3ee";
const TODAY_STROKE = "#7a1f8a";

// The server publishes the same plan (same scenario, seed 1): its first loaded sortie sets the day.
const scenario = loadShipped("niger-2024");
const plan = planWithdrawal(scenario, { seed: 1 });
const firstSortie = [...plan.sorties]
  .map((s) => ({ id: s.id, departAt: s.legs.find((l) => l.load !== undefined)?.departAt ?? s.legs[0]?.departAt ?? "" }))
  .sort((a, b) => a.departAt.localeCompare(b.departAt))[0];
if (firstSortie === undefined) throw new Error("the Niger plan has sorties");
const DAY = firstSortie.departAt.slice(0, 10);
const overflownAbroad = [...new Set(scenario.scenario.airLegs.flatMap((l) => l.overflies))].filter((c) => c !== "NE");

let server: E2eServer;
let browser: E2eBrowser;
let page: Page;

beforeAll(async () => {
  server = await startServer({ clock: `${DAY}T06:00Z`, users: { planner: { party: "US", role: "movement_planner" } } });
  browser = await launchBrowser();
  page = await browser.newPage();
  const planner = server.users.planner;
  if (planner === undefined) throw new Error("no planner");
  await logIn(page, server.url, planner);
  expect((await apiCall(page, "POST", "/api/plans", {})).status).toBe(201);
  expect((await apiCall(page, "POST", "/api/movements/from-plan", {})).status).toBe(201);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("Map", () => {
  it("draws the borders as vectors, shades Niger and the countries overflown, and draws the day's movements", async () => {
    await page.getByRole("navigation").getByRole("link", { name: "Map" }).click();
    await page.getByRole("heading", { level: 1, name: "Map" }).waitFor();
    await page.locator('[data-testid="world-map"][data-borders="drawn"]').waitFor();
    const map = page.getByTestId("world-map");
    // Vectors, no tiles: an SVG with a path per country, and no <img> tile.
    expect(await map.locator("svg path").count()).toBeGreaterThan(170);
    expect(await map.locator("img").count()).toBe(0);
    expect(await map.locator(`path[fill="${HOST_FILL}"]`).count()).toBe(1);
    expect(await map.locator(`path[fill="${OVERFLOWN_FILL}"]`).count()).toBe(overflownAbroad.length);
    expect(await map.locator(`path[stroke="${TODAY_STROKE}"]`).count()).toBeGreaterThan(0);
    // Site labels.
    for (const label of ["Air Base 101", "Air Base 201", "Ramstein Air Base"]) expect(await map.textContent()).toContain(label);

    // The day's movements, listed: the first sortie among them.
    expect(await page.getByRole("heading", { level: 2, name: /^Movements on / }).textContent()).toContain(new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${DAY}T00:00:00Z`)));
    expect(await page.getByTestId("movements-table").textContent()).toContain(firstSortie.id);

    // Nothing was fetched from anywhere but the server.
    const origins = new Set(browser.requests.filter((u) => !u.startsWith("data:")).map((u) => new URL(u).origin));
    expect([...origins]).toEqual([server.url]);

    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "map");
  });

  it("shows another day's movements on request", async () => {
    await page.getByRole("button", { name: "Next day" }).click();
    const next = new Date(Date.parse(`${DAY}T00:00:00Z`) + 86_400_000);
    const label = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" }).format(next);
    await page.getByRole("heading", { level: 2, name: `Movements on ${label}` }).waitFor();
    const day = next.toISOString().slice(0, 10);
    const api = await apiCall<{ movements: { id: string; planRef?: string }[] }>(page, "GET", `/api/map?day=${day}`);
    const shown = api.body.movements.length === 0 ? [] : await page.getByTestId("movements-table").locator("tbody th").allTextContents();
    expect(shown.sort()).toEqual(api.body.movements.map((m) => m.planRef ?? m.id).sort());
    await page.getByRole("button", { name: "Today" }).click();
    await page.getByRole("heading", { level: 2, name: /^Movements on / }).waitFor();
  });

  it("names the countries in French", async () => {
    await page.getByRole("radio", { name: "Français" }).click();
    await page.getByRole("heading", { level: 1, name: "Carte" }).waitFor();
    const legs = (await page.getByTestId("legs").textContent()) ?? "";
    expect(legs).toContain("Algérie");
    expect(legs).toContain("Allemagne");
    expect(legs).toMatch(/4\u202f200 km/u);
    expect(await page.getByText("Pays hôte : Niger").count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "map-fr");
    await page.getByRole("radio", { name: "English" }).click();
  });
});
