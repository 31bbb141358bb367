/**
 * The web app's shell in Chromium against a real server: the login page, the layout's landmarks
 * and navigation to every page (by mouse and keyboard), the replay-clock badge, actions shown only
 * to those the server allows, and the switch to French with French dates and numbers. axe-core
 * finds no serious or critical violation on any page.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2eBrowser, launchBrowser, logIn, screenshot, seriousViolations } from "./browser.ts";
import { type E2eServer, startServer } from "./server.ts";

const PAGES = [
  { path: "/", name: "Overview", built: true },
  { path: "/map", name: "Map", built: true },
  { path: "/plan", name: "Plan", built: true },
  { path: "/clearances", name: "Clearances", built: true },
  { path: "/personnel", name: "Personnel", built: true },
  { path: "/ledger", name: "Ledger", built: true },
  { path: "/scenario", name: "Scenario", built: true },
  { path: "/report", name: "Report", built: true },
];

let server: E2eServer;
let browser: E2eBrowser;

beforeAll(async () => {
  server = await startServer({
    clock: "2024-05-20T08:00Z",
    users: { planner: { party: "US", role: "movement_planner" }, officer: { party: "NE", role: "clearance_officer" } },
  });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const planner = () => server.users.planner ?? fail("no planner");
const officer = () => server.users.officer ?? fail("no officer");
function fail(why: string): never {
  throw new Error(why);
}

async function freshPage(): Promise<Page> {
  const page = await browser.newPage();
  page.on("pageerror", (e) => {
    throw new Error(`page error: ${e.message}`);
  });
  return page;
}

describe("the shell", () => {
  it("asks to log in, says plainly when the password is wrong, then opens the page asked for", async () => {
    const page = await freshPage();
    await page.context().clearCookies();
    await page.goto(`${server.url}/map`);
    await page.getByRole("heading", { level: 1, name: "Log in" }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "login");

    await page.getByLabel("Username").fill(planner().username);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toContain("Wrong username or password");

    await page.getByLabel("Password").fill(planner().password);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByRole("heading", { level: 1, name: "Map" }).waitFor();
    expect(page.url()).toBe(`${server.url}/map`);
    await page.close();
  });

  it("has the landmarks, a link to every page, and each page opens with its heading and no serious axe violation", async () => {
    const page = await freshPage();
    await logIn(page, server.url, planner());
    expect(await page.getByRole("banner").count()).toBe(1);
    expect(await page.getByRole("main").count()).toBe(1);
    const nav = page.getByRole("navigation", { name: "Pages" });
    expect(await nav.getByRole("link").allTextContents()).toEqual(PAGES.map((p) => (p.built ? p.name : `${p.name} · not built yet`)));

    // From the overview (where login lands) to each other page, then back to the overview.
    for (const p of [...PAGES.slice(1), PAGES[0] ?? fail("no pages")]) {
      await nav.getByRole("link", { name: new RegExp(`^${p.name}`) }).click();
      await page.getByRole("heading", { level: 1, name: p.name }).waitFor();
      expect(new URL(page.url()).pathname).toBe(p.path);
      expect(await nav.getByRole("link", { name: new RegExp(`^${p.name}`) }).getAttribute("aria-current")).toBe("page");
      if (!p.built) expect(await page.getByRole("status").textContent()).toContain("This page is not built yet");
      // Keyboard and screen-reader users land on the new page's heading.
      expect(await page.evaluate("document.activeElement?.tagName"), p.path).toBe("H1");
      expect(await seriousViolations(page), p.path).toEqual([]);
      await screenshot(page, `page-${p.path === "/" ? "overview" : p.path.slice(1)}`);
    }
    await page.close();
  });

  it("can be used from the keyboard: skip link first, then the page", async () => {
    const page = await freshPage();
    await logIn(page, server.url, planner(), "/plan");
    await page.getByRole("heading", { level: 1, name: "Plan" }).waitFor();
    await page.evaluate("document.activeElement instanceof HTMLElement && document.activeElement.blur()");
    await page.keyboard.press("Tab");
    expect(await page.evaluate("document.activeElement?.textContent")).toBe("Skip to the page");
    await page.keyboard.press("Enter");
    expect(await page.evaluate("location.hash")).toBe("#main");
    // Tab goes on through the banner's controls and reaches the navigation's links.
    const reached: string[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press("Tab");
      reached.push(String(await page.evaluate("document.activeElement?.textContent ?? ''")));
    }
    expect(reached.some((x) => x.startsWith("Overview"))).toBe(true);
    await page.close();
  });

  it("shows the replay-clock badge exactly when the server says its clock is a replay", async () => {
    const page = await freshPage();
    await logIn(page, server.url, planner());
    const health = (await (await fetch(`${server.url}/api/health`)).json()) as { clock?: { mode?: string } };
    const badge = page.getByText("Replay clock");
    if (health.clock?.mode === "replay") {
      await badge.waitFor();
      expect(await page.getByRole("banner").textContent()).toContain("May 20, 2024");
    } else {
      await page.getByRole("heading", { level: 1 }).waitFor();
      expect(await badge.count()).toBe(0);
    }
    await page.close();
  });

  it("shows an action only to those the server allows: the planner may publish, the host's officer sees no such button", async () => {
    const page = await freshPage();
    await logIn(page, server.url, planner());
    await page.getByRole("button", { name: "Run the planner and publish the plan" }).waitFor();
    await page.close();

    const host = await freshPage();
    await logIn(host, server.url, officer());
    await host.getByText("No plan is published yet").waitFor();
    // Wait for the abilities to be known, so "absent" is not merely "not loaded yet".
    await host.waitForResponse((r) => r.url().endsWith("/api/abilities")).catch(() => undefined);
    expect(await host.getByRole("button", { name: "Run the planner and publish the plan" }).count()).toBe(0);
    expect(await host.getByRole("button", { name: /publish/i }).count()).toBe(0);
    await host.close();
  });

  it("switches to French: every label, and dates and numbers written the French way; the choice is kept", async () => {
    const page = await freshPage();
    await logIn(page, server.url, planner());
    await page.getByTestId("days-left").waitFor();
    await page.getByRole("radio", { name: "Français" }).click();
    await page.getByRole("heading", { level: 1, name: "Vue d’ensemble" }).waitFor();
    expect(await page.evaluate("document.documentElement.lang")).toBe("fr-NE");
    const nav = page.getByRole("navigation", { name: "Pages" });
    expect(await nav.getByRole("link").first().textContent()).toBe("Vue d’ensemble");
    // The deadline (2024-09-15 22:59Z): French date, 24-hour UTC time, Niamey time beside.
    expect(await page.getByTestId("days-left").textContent()).toContain("15 sept. 2024, 22:59 UTC (23:59 à Niamey)");
    // 2,086,064.9 kg of cargo: French grouping (narrow no-break space) and decimal comma.
    expect(await page.getByTestId("cargo").textContent()).toMatch(/2\u202f086,1\s?t/u);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "overview-fr");

    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Vue d’ensemble" }).waitFor();
    await page.getByRole("radio", { name: "English" }).click();
    await page.getByRole("heading", { level: 1, name: "Overview" }).waitFor();
    expect(await page.getByTestId("days-left").textContent()).toContain("Sep 15, 2024, 22:59 UTC (23:59 Niamey)");
    expect(await page.getByTestId("cargo").textContent()).toContain("2,086.1 t");
    await page.close();
  });

  it("logs out: the session ends and the login page comes back", async () => {
    const page = await freshPage();
    await logIn(page, server.url, planner());
    await page.getByRole("button", { name: "Log out" }).click();
    await page.getByRole("heading", { level: 1, name: "Log in" }).waitFor();
    const me = await page.evaluate("fetch('/api/auth/me').then((r) => r.status)");
    expect(me).toBe(401);
    await page.close();
  });
});
