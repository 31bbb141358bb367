/**
 * One server and one browser for a browser test file: `e2eSetup` (called once, at the file's top
 * level) starts them before its tests and stops them after; the file reads them, its accounts and
 * logged-in pages through what it returns, from its tests.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { type E2eBrowser, launchBrowser, logIn } from "./browser.ts";
import { type E2eServer, type E2eServerOptions, type E2eUser, startServer } from "./server.ts";

/** The accounts the browser tests log in as, by the name a test gives them. */
const ACCOUNTS = {
  planner: { party: "US", role: "movement_planner" },
  officer: { party: "NE", role: "clearance_officer" },
  usOfficer: { party: "US", role: "clearance_officer" },
  member: { party: "NE", role: "commission_member" },
  usMember: { party: "US", role: "commission_member" },
  neMember: { party: "NE", role: "commission_member" },
  observer: { party: "US", role: "observer" },
  neObserver: { party: "NE", role: "observer" },
} as const satisfies E2eServerOptions["users"];

/** The named accounts, to create on a server. */
export function accounts(...names: (keyof typeof ACCOUNTS)[]): E2eServerOptions["users"] {
  return Object.fromEntries(names.map((n) => [n, ACCOUNTS[n]]));
}

/** The running server and browser of a test file. */
export interface E2eSetup {
  readonly server: E2eServer;
  readonly browser: E2eBrowser;
  /** The account asked for under `name`. */
  user(name: string): E2eUser;
  /** A new page, logged in as `name` at `path`, whose uncaught errors fail the test. */
  logInAs(name: string, path: string): Promise<Page>;
}

export function e2eSetup(options: E2eServerOptions): E2eSetup {
  let server: E2eServer | undefined;
  let browser: E2eBrowser | undefined;
  beforeAll(async () => {
    server = await startServer(options);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const started = <T>(what: T | undefined): T => {
    if (what === undefined) throw new Error("the server and browser start before the tests: use them inside a test");
    return what;
  };
  const user = (name: string) => {
    const u = started(server).users[name];
    if (u === undefined) throw new Error(`no user ${name}`);
    return u;
  };
  return {
    get server() {
      return started(server);
    },
    get browser() {
      return started(browser);
    },
    user,
    logInAs: async (name, path) => {
      const page = await started(browser).newPage();
      page.on("pageerror", (e) => {
        throw new Error(`page error: ${e.message}`);
      });
      await logIn(page, started(server).url, user(name), path);
      return page;
    },
  };
}
