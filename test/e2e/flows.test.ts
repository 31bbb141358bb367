/**
 * The end-to-end flows in Chromium against a real server on the embedded database, on the
 * Niger scenario (replay clock from 2024-05-20 08:00Z), done as people do them in the pages:
 * (1) the US planner logs in, runs the planner and publishes the plan, drafts clearance requests
 * for two sorties and submits them together; (2) Niger's clearance officer approves the first
 * sortie's requests and denies one of the second's with a reason; (3) the planner records who is
 * at the first sortie's boarding site, schedules it (cleared at once) and boards two of them;
 * days later (the server restarted with its clock at the departure) the sortie departs, the
 * headcount drops by two and so does the Overview's burndown. Flow 5 is the same in French. The
 * record is left as flow 4 (the ledger's cosignatures) would go on from. Screenshots in
 * `artifacts/e2e/flow-*`.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiCall, type E2eBrowser, launchBrowser, logIn, screenshot, seriousViolations } from "./browser.ts";
import {
  approveOpenRequest,
  boardOpenMovement,
  chooseLanguage,
  closeMovement,
  closeRequest,
  denyOpenRequest,
  departOpenMovement,
  draftRequests,
  integer,
  type Lang,
  openMovement,
  openPage,
  openPersonnelTab,
  openRequest,
  publishPlan,
  recordEntryAt,
  registerPerson,
  scheduleOpenMovement,
  submitDrafts,
  words,
} from "./flow-steps.ts";
import { type E2eServer, startServer } from "./server.ts";

const CLOCK = "2024-05-20T08:00Z";
const SORTIES = ["S0001", "S0002"] as const;

interface Movement {
  id: string;
  planRef?: string;
  from: string;
  departAt: string;
  status: string;
}
interface Request {
  status: string;
  source: { sortie: string };
  denial?: { reason: string };
  clearance?: { number: string };
}

const RUNS: readonly { lang: Lang; title: string; reason: string; people: readonly string[] }[] = [
  { lang: "en", title: "flows 1–3", reason: "Apron closed for works", people: ["Airman Amy Adams", "Sergeant Bob Brown", "Captain Cy Clark"] },
  { lang: "fr", title: "flow 5: flows 1–3 in French", reason: "Aire de stationnement fermée pour travaux", people: ["Aviatrice Amy Adams", "Sergent Bob Brown", "Capitaine Cy Clark"] },
];

for (const run of RUNS) {
  describe(run.title, () => {
    const { lang } = run;
    const w = words(lang);
    let server: E2eServer;
    let browser: E2eBrowser;
    let page: Page;

    beforeAll(async () => {
      server = await startServer({ clock: CLOCK, users: { planner: { party: "US", role: "movement_planner" }, officer: { party: "NE", role: "clearance_officer" } } });
      browser = await launchBrowser();
      page = await browser.newPage();
      page.on("pageerror", (e) => {
        throw new Error(`page error: ${e.message}`);
      });
      if (lang === "fr") {
        // The language is chosen on the login page and kept for every page after it.
        await page.goto(server.url);
        await chooseLanguage(page, "fr");
      }
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    const user = (name: string) => {
      const u = server.users[name];
      if (u === undefined) throw new Error(`no user ${name}`);
      return u;
    };
    const requests = async () => (await apiCall<{ items: Request[] }>(page, "GET", "/api/clearances")).body.items;
    const overviewPeople = async () => {
      await openPage(page, lang, "Overview");
      return integer(await page.getByTestId("people").locator(".figure-value").textContent());
    };

    it("flow 1: the planner logs in, runs and publishes the plan, drafts clearance requests and submits them together", async () => {
      await logIn(page, server.url, user("planner"));
      expect(await page.evaluate("document.documentElement.lang")).toBe(lang === "fr" ? "fr-NE" : "en");
      await publishPlan(page, lang);

      const drafted = await draftRequests(page, lang, SORTIES);
      expect(drafted).toContain(w("Requests drafted: {{n}} (sorties: {{m}}).", { n: "4", m: "2" }));
      const submitted = await submitDrafts(page, lang, SORTIES);
      expect(submitted).toContain(w("Submitted {{n}} of {{m}}.", { n: "4", m: "4" }));
      expect((await requests()).map((r) => `${r.source.sortie} ${r.status}`).sort()).toEqual(["S0001 submitted", "S0001 submitted", "S0002 submitted", "S0002 submitted"]);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `flow-${lang}-1-submitted`);
    }, 180_000);

    it("flow 2: the host's officer approves the first sortie's requests and denies one of the second's with a reason", async () => {
      await logIn(page, server.url, user("officer"), "/clearances");
      await page.getByRole("heading", { level: 1, name: w("Clearances") }).waitFor();
      await expect.poll(() => page.getByTestId("shown-count").textContent()).toBe(w("Requests shown: {{shown}} of {{total}}", { shown: "4", total: "4" }));

      // The queue shows what still awaits a decision: S0001's first request, then its second.
      for (const number of ["NE-2024-0001", "NE-2024-0002"]) {
        const dialog = await openRequest(page, "S0001", 0);
        await approveOpenRequest(dialog, lang, number);
        await closeRequest(page, lang);
      }
      const dialog = await openRequest(page, "S0002", 0);
      await denyOpenRequest(dialog, lang, run.reason);
      expect(await dialog.getByTestId("history").textContent()).toContain(run.reason);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `flow-${lang}-2-denied`);
      await closeRequest(page, lang);

      const all = await requests();
      expect(all.filter((r) => r.source.sortie === "S0001").map((r) => [r.status, r.clearance?.number]).sort()).toEqual([
        ["approved", "NE-2024-0001"],
        ["approved", "NE-2024-0002"],
      ]);
      expect(all.filter((r) => r.status === "denied").map((r) => [r.source.sortie, r.denial?.reason])).toEqual([["S0002", run.reason]]);
      await expect.poll(() => page.getByTestId("shown-count").textContent()).toBe(w("Requests shown: {{shown}} of {{total}}", { shown: "1", total: "4" }));
    }, 180_000);

    it("flow 3: a movement departs, the headcount drops and the burndown on the Overview moves", async () => {
      await logIn(page, server.url, user("planner"), "/personnel");
      await page.getByRole("heading", { level: 1, name: w("Personnel") }).waitFor();
      const movements = (await apiCall<{ items: Movement[] }>(page, "GET", "/api/movements")).body.items;
      const sortie = movements.find((m) => m.planRef === "S0001");
      if (sortie === undefined) throw new Error("drafting created S0001's movement");
      const scenario = (await apiCall<{ sites: { id: string; name: string }[] }>(page, "GET", "/api/scenario")).body;
      const boarding = scenario.sites.find((s) => s.id === sortie.from)?.name ?? sortie.from;

      // Three people recorded at the boarding site.
      const persons: { id: string; name: string }[] = [];
      for (const [i, name] of run.people.entries()) {
        const id = await registerPerson(page, lang, { name, nationality: "US", documentNumber: `X${lang}${i}7781`, unit: "409th Air Expeditionary Group" });
        persons.push({ id, name });
        await recordEntryAt(page, lang, { id, name }, boarding);
      }
      await expect.poll(async () => integer(await page.getByTestId("headcount-total").locator(".figure-value").textContent())).toBe(3);

      // Scheduled, the sortie is cleared at once (both of its requests are approved); two board.
      let dialog = await openMovement(page, lang, "S0001");
      await scheduleOpenMovement(dialog, lang);
      await dialog.getByTestId("movement-facts").filter({ hasText: w("cleared") }).waitFor();
      await boardOpenMovement(dialog, lang, run.people.slice(0, 2));
      await screenshot(page, `flow-${lang}-3-boarded`);
      await closeMovement(page, lang);

      // Days later, at the departure: the server runs on to that time; everyone logs in again.
      const departure = new Date(Date.parse(sortie.departAt) + 15 * 60_000).toISOString().slice(0, 16);
      await server.restart(`${departure}Z`);
      await logIn(page, server.url, user("planner"));
      const before = await overviewPeople();
      await openPage(page, lang, "Personnel");
      dialog = await openMovement(page, lang, "S0001");
      const departed = await departOpenMovement(dialog, lang);
      expect(departed).toContain(w("Departed. Exits recorded: {{exits}}; clearances used: {{used}}.", { exits: "2", used: "2" }));
      await closeMovement(page, lang);

      // The headcount drops by the two who left: now, and in the day-by-day table.
      await expect.poll(async () => integer(await page.getByTestId("headcount-total").locator(".figure-value").textContent())).toBe(1);
      await openPersonnelTab(page, lang, "Headcount over time");
      expect(integer(await page.getByTestId("headcount-row-now").locator("td").first().textContent())).toBe(1);
      await page.getByTestId("headcount-chart").locator("svg path").first().waitFor({ state: "attached" });
      await openPersonnelTab(page, lang, "Reconciliation");
      expect(await page.getByTestId("part-left").getByRole("heading").textContent()).toBe(`${w("Left the country")} (2)`);
      expect(await page.getByTestId("part-leftUnrecorded").getByRole("heading").textContent()).toBe(`${w("Left unrecorded")} (0)`);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `flow-${lang}-3-departed`);

      // The Overview counts the departure: two people fewer, in the figure and the burndown's "now".
      await openPage(page, lang, "Overview");
      // The page shows what it had, then what the server answers now.
      await expect.poll(async () => integer(await page.getByTestId("people").locator(".figure-value").textContent())).toBe(before - 2);
      await page.getByText(w("The figures of {{site}}, day by day", { site: w("All host sites") })).click();
      expect(integer(await page.getByTestId("burndown-now").locator("td").nth(1).textContent())).toBe(before - 2);
      await screenshot(page, `flow-${lang}-3-overview`);
      const after = (await apiCall<{ items: Movement[] }>(page, "GET", "/api/movements")).body.items.find((m) => m.id === sortie.id);
      expect(after?.status).toBe("departed");
    }, 240_000);
  });
}
