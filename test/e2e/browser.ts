/**
 * Debian's Chromium driven by playwright-core for the browser tests: headless, no sandbox (CI runs
 * as root), no GPU, no background networking, a fresh profile each time. Helpers log in through
 * the login page, save screenshots under `artifacts/e2e/` (git-ignored) and run axe-core.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import axe from "axe-core";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { ROOT } from "#test/scenarios.ts";
import type { E2eUser } from "./server.ts";

/** Where Debian installs Chromium (`apt-get install -y chromium`; `.ci/run` does it when missing). */
export const CHROMIUM = "/usr/bin/chromium";
/** Where screenshots go. */
export const ARTIFACTS = join(ROOT, "artifacts/e2e");

/** A browser with its own profile. */
export interface E2eBrowser {
  readonly context: BrowserContext;
  /** Every URL the pages asked for (to check nothing left the server). */
  readonly requests: string[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** Launches Chromium; the language of its UI is English, its time zone not Niamey's (the app must not depend on it). */
export async function launchBrowser(): Promise<E2eBrowser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run installs it)`);
  const profile = mkdtempSync(join(tmpdir(), "drawdown-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    viewport: { width: 1280, height: 900 },
    locale: "en-US",
    timezoneId: "America/New_York",
  });
  const requests: string[] = [];
  context.on("request", (r) => requests.push(r.url()));
  return {
    context,
    requests,
    newPage: async () => {
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      return page;
    },
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Opens the app and logs in through its login page, waiting for the page's heading. */
export async function logIn(page: Page, url: string, user: E2eUser, path = "/"): Promise<void> {
  // The pages of one profile share its cookies: start each login without a session.
  await page.context().clearCookies();
  await page.goto(url + path);
  await page.getByLabel(/Username|Nom d’utilisateur/).fill(user.username);
  await page.getByLabel(/Password|Mot de passe/).fill(user.password);
  await page.getByRole("button", { name: /^(Log in|Se connecter)$/ }).click();
  await page.getByRole("navigation").waitFor();
}

/** Saves a full-page screenshot as `artifacts/e2e/<name>.png`. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** A violation as the tests report it. */
export interface Violation {
  readonly id: string;
  readonly impact: string;
  readonly help: string;
  readonly targets: string[];
}

/** axe-core's serious and critical violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate("typeof window.axe === 'object'"))) await page.addScriptTag({ content: axe.source });
  const violations = (await page.evaluate(
    "window.axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.map((n) => String(n.target)) })))",
  )) as Violation[];
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** The app's answer to an API call made with the page's session (cookie and CSRF token). */
export async function apiCall<T>(page: Page, method: string, path: string, body?: unknown, ifMatch?: number): Promise<{ status: number; body: T }> {
  return (await page.evaluate(
    async ([m, p, b, v]) => {
      const me = await fetch("/api/auth/me").then((r) => r.json() as Promise<{ csrfToken: string }>);
      const headers: Record<string, string> = { "content-type": "application/json", "x-csrf-token": me.csrfToken };
      if (v !== null) headers["if-match"] = `"${v}"`;
      const res = await fetch(p, { method: m, headers, ...(m === "GET" ? {} : { body: JSON.stringify(b ?? {}) }) });
      return { status: res.status, body: await res.json().catch(() => null) };
    },
    [method, path, body ?? null, ifMatch ?? null] as const,
  )) as { status: number; body: T };
}
