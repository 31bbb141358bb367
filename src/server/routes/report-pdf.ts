/**
 * The joint report as PDF: Debian's Chromium (never a downloaded browser) opens the web app's
 * Report page as the caller and prints it (its print stylesheet), so the PDF is the same HTML as
 * the page. Chromium's requests never reach the network: each one is answered by the app itself,
 * in-process, with the caller's session cookie, and anything for another origin is refused. One
 * browser is kept while reports are asked for and closed after a minute without one; prints run
 * one at a time (the machine has few cores).
 */
import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

/** Where Debian installs Chromium (`apt-get install -y chromium`). */
export const DEFAULT_CHROMIUM = "/usr/bin/chromium";

/** The flags the Commission runs Chromium with. */
export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"];

/** The made-up origin the printed page is loaded from; its requests are answered in-process. */
export const PRINT_ORIGIN = "http://report.drawdown.invalid";

/** What a print needs. */
export interface PrintJob {
  /** The page to print, e.g. `/report?print=1`. */
  readonly path: string;
  /** The Cookie header to send with each request (the caller's session). */
  readonly cookie: string;
  /** Answers one request: the app's own `fetch`. */
  readonly fetch: (request: Request) => Promise<Response>;
  /** The page is ready to print once this selector is in it; `failSelector` means it failed. */
  readonly readySelector: string;
  readonly failSelector: string;
}

/** Why a print did not happen. */
export class PrintError extends Error {
  constructor(
    readonly reason: "no_chromium" | "page_failed" | "timeout",
    message: string,
  ) {
    super(message);
  }
}

/** Prints pages to PDF with one Chromium. */
export class PdfPrinter {
  #browser: Promise<Browser> | undefined;
  #idle: NodeJS.Timeout | undefined;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly chromiumPath: string = DEFAULT_CHROMIUM,
    private readonly idleMs = 60_000,
  ) {}

  /** Whether Chromium is installed where expected. */
  available(): boolean {
    return existsSync(this.chromiumPath);
  }

  /** Prints a page; jobs run one after the other. */
  print(job: PrintJob): Promise<Uint8Array> {
    const run = this.#queue.then(() => this.#print(job));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Closes the browser (the server's shutdown, tests). */
  async close(): Promise<void> {
    clearTimeout(this.#idle);
    const b = this.#browser;
    this.#browser = undefined;
    if (b !== undefined) await (await b).close().catch(() => undefined);
  }

  #launch(): Promise<Browser> {
    if (!this.available()) throw new PrintError("no_chromium", `${this.chromiumPath} is missing`);
    this.#browser ??= chromium.launch({ executablePath: this.chromiumPath, headless: true, args: CHROMIUM_ARGS }).catch((e: unknown) => {
      this.#browser = undefined;
      throw e;
    });
    return this.#browser;
  }

  async #print(job: PrintJob): Promise<Uint8Array> {
    clearTimeout(this.#idle);
    const browser = await this.#launch();
    const context = await browser.newContext({ locale: "en-US", timezoneId: "UTC", viewport: { width: 1100, height: 1400 } });
    try {
      await context.route("**/*", async (route) => {
        const r = route.request();
        if (new URL(r.url()).origin !== PRINT_ORIGIN) return route.abort("blockedbyclient");
        const headers = new Headers(r.headers());
        // Plain bodies: the app would otherwise answer with precompressed files.
        headers.delete("accept-encoding");
        headers.set("cookie", job.cookie);
        const body = r.postDataBuffer();
        const res = await job.fetch(new Request(r.url(), { method: r.method(), headers, ...(body === null ? {} : { body: new Uint8Array(body) }) }));
        const answer: Record<string, string> = {};
        res.headers.forEach((v, k) => {
          if (k !== "content-encoding" && k !== "content-length") answer[k] = v;
        });
        return route.fulfill({ status: res.status, headers: answer, body: Buffer.from(await res.arrayBuffer()) });
      });
      const page = await context.newPage();
      await page.goto(PRINT_ORIGIN + job.path, { waitUntil: "load", timeout: 30_000 });
      try {
        await page.waitForSelector(`${job.readySelector}, ${job.failSelector}`, { timeout: 45_000 });
      } catch {
        throw new PrintError("timeout", "the report page did not finish loading within 45 s");
      }
      if ((await page.$(job.failSelector)) !== null) throw new PrintError("page_failed", (await page.textContent(job.failSelector)) ?? "the report page failed");
      const pdf = await page.pdf({
        format: "A4",
        printBackground: true,
        margin: { top: "14mm", bottom: "16mm", left: "12mm", right: "12mm" },
        displayHeaderFooter: true,
        headerTemplate: "<span></span>",
        footerTemplate:
          '<div style="font-size:8px;width:100%;text-align:center;color:#4a5563"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
      });
      return new Uint8Array(pdf);
    } finally {
      await context.close().catch(() => undefined);
      this.#idle = setTimeout(() => void this.close(), this.idleMs);
      this.#idle.unref();
    }
  }
}
