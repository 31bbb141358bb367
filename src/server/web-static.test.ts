/**
 * The built web app as the server sends it: compressed copies when the browser accepts them,
 * hashed assets cached for good, and every other path answered with the app's index.html so
 * the browser's router can take it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sqliteTestEngine } from "#store/testing/engines.ts";
import { precompressDir } from "../../web/build/precompress.ts";
import { type TestServer, testServer } from "./testing/harness.ts";

const engine = sqliteTestEngine();
const root = mkdtempSync(join(tmpdir(), "drawdown-web-"));
const script = `console.log(${JSON.stringify("x".repeat(4000))});\n`;
let s: TestServer;

beforeAll(async () => {
  mkdirSync(join(root, "assets"));
  writeFileSync(join(root, "index.html"), `<!doctype html><title>Drawdown</title>${"<!-- pad -->".repeat(200)}`);
  writeFileSync(join(root, "assets", "index-abc123.js"), script);
  writeFileSync(join(root, "assets", "tiny-def456.js"), "1;");
  expect(precompressDir(root)).toBe(2); // index.html and the script; the tiny file stays as it is
  const { handle } = await engine.fresh({ migrate: false });
  s = await testServer(handle.db, { webRoot: root });
});
afterAll(async () => {
  await engine.cleanup();
  rmSync(root, { recursive: true, force: true });
});

/** The raw response, to read its bytes and headers (the harness decodes bodies as text). */
const get = (path: string, acceptEncoding?: string) =>
  s.app.request(`http://drawdown.test${path}`, { headers: acceptEncoding === undefined ? {} : { "accept-encoding": acceptEncoding } });

describe("the web app's files", () => {
  it("are sent Brotli-compressed to a browser that accepts it, and decompress to the file", async () => {
    const res = await get("/assets/index-abc123.js", "gzip, deflate, br");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-encoding")).toBe("br");
    expect(res.headers.get("vary")).toMatch(/accept-encoding/i);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.length).toBeLessThan(script.length / 10);
    expect(brotliDecompressSync(bytes).toString()).toBe(script);
  });

  it("are sent as they are to a client that accepts no compression", async () => {
    const res = await get("/assets/index-abc123.js");
    expect(res.headers.get("content-encoding")).toBeNull();
    expect(await res.text()).toBe(script);
  });

  it("mark hashed assets immutable, but not the index page that names them", async () => {
    expect((await get("/assets/tiny-def456.js")).headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect((await get("/")).headers.get("cache-control")).toBeNull();
  });

  it("answer a browser route with the app's index page, but never an unknown API path", async () => {
    const page = await get("/clearances", "gzip");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-encoding")).toBe("gzip");
    const api = await get("/api/no-such-route");
    expect(api.status).toBeGreaterThanOrEqual(400);
    expect(api.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  });
});
