import type { FileIssue } from "#domain/json-issues.ts";

/** A one-dimensional instance read from a BPPLIB file: capacity and weights, each with its line. */
export interface BpplibInstance {
  readonly capacity: number;
  readonly weights: readonly number[];
  /** The line each weight was read from (1-based), for messages. */
  readonly lines: readonly number[];
}

export type BpplibRead = { readonly ok: true; readonly instance: BpplibInstance } | { readonly ok: false; readonly issues: readonly FileIssue[] };

const issue = (line: number, message: string, hint: string): FileIssue => ({ path: `line ${line}`, line, column: 1, message, hint });

/**
 * Reads a BPPLIB instance (Delorme, Iori and Martello's library, the format of ../shared/bench/bpp1d):
 * the number of items, the capacity, then one weight per line. Lines of two numbers, `weight count`,
 * are read as that many items of that weight (the first line then counts such lines), as some of
 * the library's files are written. Blank lines are skipped. Every problem is reported with its line.
 * @example parseBpplib("3\n10\n6\n5\n4\n") // { ok: true, instance: { capacity: 10, weights: [6, 5, 4], lines: [3, 4, 5] } }
 */
export function parseBpplib(text: string): BpplibRead {
  const rows = text
    .replace(/^\uFEFF/, "")
    .split(/\r\n|\r|\n/)
    .map((raw, i) => ({ line: i + 1, fields: raw.trim().split(/\s+/).filter(Boolean) }))
    .filter((r) => r.fields.length > 0);
  const issues: FileIssue[] = [];
  const countRow = rows[0];
  const capacityRow = rows[1];
  if (!countRow || !capacityRow)
    return { ok: false, issues: [issue(rows[0]?.line ?? 1, "the file ends before the item count and the capacity", "a BPPLIB file starts with the number of items, then the capacity, each on its own line")] };
  const count = Number(countRow.fields[0]);
  if (countRow.fields.length !== 1 || !Number.isInteger(count) || count < 0)
    issues.push(issue(countRow.line, `"${countRow.fields.join(" ")}" is not a number of items`, "the first line holds one whole number: how many items (or item lines) follow"));
  const capacity = Number(capacityRow.fields[0]);
  if (capacityRow.fields.length !== 1 || !Number.isFinite(capacity) || capacity <= 0)
    issues.push(issue(capacityRow.line, `"${capacityRow.fields.join(" ")}" is not a capacity`, "the second line holds the bin capacity, a positive number"));

  const body = rows.slice(2);
  const pairs = body.length > 0 && body.every((r) => r.fields.length === 2);
  const weights: number[] = [];
  const lines: number[] = [];
  for (const r of body) {
    const [w, d = "1"] = r.fields;
    const weight = Number(w);
    const copies = pairs ? Number(d) : 1;
    if (r.fields.length > (pairs ? 2 : 1)) {
      issues.push(issue(r.line, `"${r.fields.join(" ")}" has ${r.fields.length} numbers`, "write one weight per line (or `weight count` on every line)"));
      continue;
    }
    if (!Number.isFinite(weight) || weight < 0) {
      issues.push(issue(r.line, `"${w}" is not a weight`, "a weight is a number at least 0, such as 42"));
      continue;
    }
    if (!Number.isInteger(copies) || copies < 1) {
      issues.push(issue(r.line, `"${d}" is not a count of items`, "the second number of a `weight count` line is a whole number at least 1"));
      continue;
    }
    if (Number.isFinite(capacity) && capacity > 0 && weight > capacity)
      issues.push(issue(r.line, `weight ${weight} is above the capacity ${capacity}`, "no bin can hold this item: check the capacity on line 2 or the weight"));
    for (let k = 0; k < copies; k++) {
      weights.push(weight);
      lines.push(r.line);
    }
  }
  const listed = pairs ? body.length : weights.length;
  if (Number.isInteger(count) && count >= 0 && listed !== count) {
    const last = body[body.length - 1]?.line ?? capacityRow.line;
    issues.push(
      issue(
        listed < count ? last : (body[count]?.line ?? last),
        `line ${countRow.line} announces ${count} ${pairs ? "item lines" : "items"}, the file has ${listed}`,
        listed < count ? "the file may be cut short: add the missing weights or correct the count" : "correct the count on the first line or remove the extra lines",
      ),
    );
  }
  if (issues.length > 0) return { ok: false, issues: issues.sort((a, b) => a.line - b.line) };
  return { ok: true, instance: { capacity, weights, lines } };
}
