/**
 * A linear programme as plain data, and its CPLEX LP text. Columns are non-negative unless bounded
 * otherwise; rows are `=`, `<=` or `>=` a right-hand side. Names are compact (`x12`, `r7`) unless a
 * row is given a name of its own to be found again by the solver side (`late_12`).
 */
export type Sense = "=" | "<=" | ">=";

export interface LpRow {
  readonly name: string;
  readonly sense: Sense;
  rhs: number;
  readonly cols: number[];
  readonly coefs: number[];
}

/** Bigger than any bound HiGHS takes as finite (its `infinite_bound` is 1e20). */
export const LP_INFINITY = 1e30;

export class LpModel {
  readonly colUpper: number[] = [];
  readonly colCost: number[] = [];
  readonly rows: LpRow[] = [];
  /** What each column stands for, for messages and tests (`fly C17 NIAMEY→RAMSTEIN @12`). */
  readonly colLabel: string[] = [];

  /** Adds a column `0 <= x <= upper` with an objective cost; returns its index. */
  col(label: string, upper = Number.POSITIVE_INFINITY, cost = 0): number {
    this.colUpper.push(upper);
    this.colCost.push(cost);
    this.colLabel.push(label);
    return this.colUpper.length - 1;
  }

  /** Adds a row; entries come later through `add`. Returns the row. */
  row(sense: Sense, rhs: number, name?: string): LpRow {
    const r: LpRow = { name: name ?? `r${this.rows.length}`, sense, rhs, cols: [], coefs: [] };
    this.rows.push(r);
    return r;
  }

  get columns(): number {
    return this.colUpper.length;
  }

  get nonzeros(): number {
    return this.rows.reduce((n, r) => n + r.cols.length, 0);
  }
}

/** Adds `coef · x[col]` to a row (coefficients of one column in one row add up). */
export function add(row: LpRow, col: number, coef: number): void {
  if (coef === 0) return;
  row.cols.push(col);
  row.coefs.push(coef);
}

const colName = (i: number) => `x${i}`;

/** Sums repeated columns of a row and drops zeros. */
function merged(row: LpRow): [number[], number[]] {
  const byCol = new Map<number, number>();
  row.cols.forEach((c, i) => byCol.set(c, (byCol.get(c) ?? 0) + (row.coefs[i] ?? 0)));
  const cols: number[] = [];
  const coefs: number[] = [];
  for (const [c, v] of byCol)
    if (v !== 0) {
      cols.push(c);
      coefs.push(v);
    }
  return [cols, coefs];
}

function terms(cols: readonly number[], coefs: readonly number[]): string {
  const out: string[] = [];
  let line = "";
  cols.forEach((c, i) => {
    const v = coefs[i] ?? 0;
    line += `${v < 0 ? " - " : " + "}${num(Math.abs(v))} ${colName(c)}`;
    // Short lines: some LP readers cap the line length.
    if (line.length > 200) {
      out.push(line);
      line = "";
    }
  });
  if (line) out.push(line);
  return out.join("\n ");
}

/** A finite number as LP text: no `Infinity`, no `NaN`. */
function num(v: number): string {
  if (!Number.isFinite(v)) throw new Error(`bug: non-finite coefficient ${v} in the LP`);
  return String(v);
}

/**
 * The model in CPLEX LP format, as HiGHS reads it. Rows without entries are left out when their
 * right-hand side allows zero (they constrain nothing); one that does not makes the text infeasible on purpose.
 */
export function toLpText(model: LpModel): string {
  const parts: string[] = ["Minimize"];
  const objCols: number[] = [];
  const objCoefs: number[] = [];
  model.colCost.forEach((c, i) => {
    if (c !== 0) {
      objCols.push(i);
      objCoefs.push(c);
    }
  });
  parts.push(objCols.length > 0 ? ` obj:${terms(objCols, objCoefs)}` : " obj: 0 x0");
  parts.push("Subject To");
  const used = new Set<number>(objCols);
  for (const r of model.rows) {
    const [cols, coefs] = merged(r);
    if (cols.length === 0) {
      const holds = r.sense === "=" ? r.rhs === 0 : r.sense === "<=" ? r.rhs >= 0 : r.rhs <= 0;
      if (holds) continue;
      // An empty row that cannot hold: keep the model infeasible rather than silently dropping it.
      parts.push(` ${r.name}: 0 x0 ${r.sense} ${num(r.rhs)}`);
      used.add(0);
      continue;
    }
    for (const c of cols) used.add(c);
    const rhs = r.rhs >= LP_INFINITY ? "1e30" : r.rhs <= -LP_INFINITY ? "-1e30" : num(r.rhs);
    parts.push(` ${r.name}:${terms(cols, coefs)} ${r.sense} ${rhs}`);
  }
  const bounds: string[] = [];
  model.colUpper.forEach((u, i) => {
    if (used.has(i) && Number.isFinite(u)) bounds.push(` ${colName(i)} <= ${num(u)}`);
  });
  if (bounds.length > 0) parts.push("Bounds", ...bounds);
  parts.push("End", "");
  return parts.join("\n");
}
