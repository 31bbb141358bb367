/**
 * A table of the report with its CSV export: the same rows make both, so the file always says
 * what the table says (the CSV gets raw values: ISO instants, plain numbers).
 */
import type { ReactNode } from "react";
import type { CsvCell } from "../../ui/csv-export.ts";
import { CsvButton } from "../../ui/csv-button.tsx";

/** One row: what the table shows and what the CSV gets. */
export interface ReportRow {
  readonly key: string;
  readonly cells: readonly ReactNode[];
  readonly csv: readonly CsvCell[];
}

/** The table; the first cell of each row heads it. `limit` shows the first rows only (the CSV has all). */
export function ReportTable(props: {
  name: string;
  header: readonly string[];
  /** The CSV's columns when they differ from the table's (raw values split out). */
  csvHeader?: readonly string[];
  rows: readonly ReportRow[];
  testId: string;
  limit?: number;
  more?: string;
}) {
  const { name, header, csvHeader, rows, testId, limit, more } = props;
  const shown = limit === undefined ? rows : rows.slice(0, limit);
  return (
    <div className="report-table">
      <div className="report-table-tools">
        <CsvButton name={name} table={() => ({ header: csvHeader ?? header, rows: rows.map((r) => r.csv) })} />
      </div>
      <div className="table-scroll">
        <table className="data-table" data-testid={testId}>
          <caption>{name}</caption>
          <thead>
            <tr>
              {header.map((h) => (
                <th scope="col" key={h}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.key}>
                {r.cells.map((c, i) =>
                  i === 0 ? (
                    // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed
                    <th scope="row" key={i}>
                      {c}
                    </th>
                  ) : (
                    // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed
                    <td key={i}>{c}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {more !== undefined && rows.length > shown.length && <p className="muted report-more">{more}</p>}
    </div>
  );
}
