import { describe, expect, it } from "vitest";
import { EventStreamParser } from "./event-stream.ts";

describe("EventStreamParser", () => {
  it("gives each complete event with its name and JSON data, however the chunks are cut", () => {
    const p = new EventStreamParser();
    const text = 'event: progress\ndata: {"fraction":0.25}\n\nevent: result\ndata: {"ok":true}\n\n';
    const events = [...text].flatMap((ch) => p.feed(ch));
    expect(events).toEqual([
      { event: "progress", data: { fraction: 0.25 } },
      { event: "result", data: { ok: true } },
    ]);
  });

  it("joins data lines, reads CRLF, skips comments, and names an unnamed event message", () => {
    const p = new EventStreamParser();
    expect(p.feed(": keep-alive\r\n\r\ndata: [1,\r\ndata: 2]\r\n\r\n")).toEqual([{ event: "message", data: [1, 2] }]);
  });

  it("keeps an unfinished event until its end arrives", () => {
    const p = new EventStreamParser();
    expect(p.feed("event: result\ndata: {}")).toEqual([]);
    expect(p.feed("\n\n")).toEqual([{ event: "result", data: {} }]);
  });
});
