/**
 * What both spreadsheet imports (cargo, personnel) show after a check: whether the file can be
 * imported, how it was read, every problem with its line, column and how to fix it, the totals, and
 * the rows as read with the bad ones marked. Problems and notes come coded from the server and are
 * said in the reader's language.
 */
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { CodedText, ImportIssue } from "../../api/contract.ts";
import { sayProblem, sayText } from "../../i18n/coded.ts";
import { formatNumber } from "../../i18n/format.ts";
import { useLang } from "../../i18n/use-lang.ts";
import { CsvButton } from "../../ui/csv-button.tsx";
import { TableRegion } from "../../ui/table-region.tsx";

/** What both previews hold. */
interface CheckedFile<S> {
  readonly ok: boolean;
  readonly fileName: string;
  readonly notes: readonly CodedText[];
  readonly header: { readonly cells: readonly string[] } | null;
  readonly rows: readonly PreviewRow[];
  readonly rowCount: number;
  readonly issues: readonly ImportIssue[];
  readonly summary: S | null;
}

/**
 * A check's outcome: `valid` when every row is valid, else how many problems and where; then the
 * notes, the problems, the `totals` (when the file could be summed up) and the rows. The test ids
 * are `testId` followed by -preview, -refused, -issues and -rows.
 */
export function ImportPreview<S>({ preview: p, testId, valid, totals }: { preview: CheckedFile<S>; testId: string; valid: ReactNode; totals: (summary: S) => ReactNode }) {
  const { t } = useTranslation();
  const lang = useLang();
  const bad = p.rows.filter((r) => r.issues.length > 0).length;
  return (
    <div className="import-preview" data-testid={`${testId}-preview`}>
      {p.ok ? (
        <p className="success" role="status">
          {valid}
        </p>
      ) : (
        <p className="problem" role="alert" data-testid={`${testId}-refused`}>
          {t("Problems in {{file}}: {{n}}, in {{rows}} of its {{total}} rows. Nothing was written: correct the file and check it again.", {
            n: formatNumber(p.issues.length, lang),
            file: p.fileName,
            rows: formatNumber(bad, lang),
            total: formatNumber(p.rowCount, lang),
          })}
        </p>
      )}
      <ImportNotes notes={p.notes} />
      <ImportIssueTable fileName={p.fileName} issues={p.issues} testId={`${testId}-issues`} />
      {p.summary !== null && <div className="columns">{totals(p.summary)}</div>}
      <ImportRowsTable fileName={p.fileName} headers={p.header?.cells ?? []} rows={p.rows} rowCount={p.rowCount} testId={`${testId}-rows`} />
    </div>
  );
}

/** One table of a preview's totals: a row a key (a site, a kind, a unit), its name first. */
export function ImportTotals<T>({ label, testId, columns, rows, keyOf, head, cells }: { label: string; testId?: string; columns: readonly string[]; rows: readonly T[]; keyOf: (row: T) => string; head: (row: T) => ReactNode; cells: (row: T) => readonly string[] }) {
  return (
    <TableRegion label={label}>
      <table className="data-table" data-testid={testId}>
        <caption>{label}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={keyOf(r)}>
              <th scope="row">{head(r)}</th>
              {cells(r).map((c, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional.
                <td key={i}>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

/** How the file was read (delimiter, encoding, header row, sheet). */
export function ImportNotes({ notes }: { notes: readonly CodedText[] }) {
  const lang = useLang();
  if (notes.length === 0) return null;
  return (
    <ul className="plain-list muted" data-testid="import-notes">
      {notes.map((n) => {
        const said = sayText(n, lang);
        return (
          <li key={n.code} lang={said.lang === lang ? undefined : said.lang}>
            {said.text}
          </li>
        );
      })}
    </ul>
  );
}

/** Every problem, in file order; `testId` names the table for the browser tests. */
export function ImportIssueTable({ fileName, issues, testId }: { fileName: string; issues: readonly ImportIssue[]; testId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (issues.length === 0) return null;
  const said = issues.map((i) => ({ issue: i, ...sayProblem(i, lang) }));
  return (
    <>
      <div className="table-head">
        <h3>{t("Problems")}</h3>
        <CsvButton
          name={t("Problems in {{file}}", { file: fileName })}
          table={() => ({
            header: [t("Line"), t("Column"), t("Cell"), t("Problem"), t("How to fix it")],
            rows: said.map((s) => [s.issue.line, s.issue.columnName ?? s.issue.column, s.issue.cell ?? "", s.message, s.hint]),
          })}
        />
      </div>
      <TableRegion label={t("Problems")}>
        <table className="data-table" data-testid={testId}>
          <thead>
            <tr>
              <th scope="col">{t("Line")}</th>
              <th scope="col">{t("Column")}</th>
              <th scope="col">{t("Problem")}</th>
              <th scope="col">{t("How to fix it")}</th>
            </tr>
          </thead>
          <tbody>
            {said.map((s, n) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: two problems may share a cell.
              <tr key={n}>
                <th scope="row">{s.issue.cell === null ? formatNumber(s.issue.line, lang) : `${formatNumber(s.issue.line, lang)} (${s.issue.cell})`}</th>
                <td>{s.issue.columnName ?? formatNumber(s.issue.column, lang)}</td>
                <td lang={s.lang === lang ? undefined : s.lang}>{s.message}</td>
                <td lang={s.lang === lang ? undefined : s.lang}>{s.hint}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </>
  );
}

/** A data row as the preview sends it. */
interface PreviewRow {
  readonly line: number;
  readonly cells: readonly string[];
  readonly issues: readonly ImportIssue[];
}

/** The rows as read (the first `rows.length` of `rowCount`), the bad ones and their bad cells marked. */
export function ImportRowsTable({ fileName, headers, rows, rowCount, testId }: { fileName: string; headers: readonly string[]; rows: readonly PreviewRow[]; rowCount: number; testId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <>
      <div className="table-head">
        <h3>{t("The rows as read")}</h3>
        <CsvButton
          name={t("Rows of {{file}}", { file: fileName })}
          table={() => ({
            header: [t("Line"), ...headers, t("Problems")],
            rows: rows.map((r) => [r.line, ...r.cells, r.issues.map((i) => `${i.columnName ?? i.column}: ${sayProblem(i, lang).message}`).join("; ")]),
          })}
        />
      </div>
      {rowCount > rows.length && <p className="muted">{t("The first {{n}} of {{total}} rows are shown; the problems above cover them all.", { n: formatNumber(rows.length, lang), total: formatNumber(rowCount, lang) })}</p>}
      <TableRegion label={t("The rows as read")}>
        <table className="data-table import-rows" data-testid={testId}>
          <thead>
            <tr>
              <th scope="col">{t("Line")}</th>
              {headers.map((h, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: headers may repeat or be blank.
                <th key={i} scope="col">
                  {h}
                </th>
              ))}
              <th scope="col">{t("Status")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const badColumns = new Set(r.issues.map((i) => i.column));
              return (
                <tr key={r.line} className={r.issues.length > 0 ? "row-bad" : undefined}>
                  <th scope="row">{formatNumber(r.line, lang)}</th>
                  {r.cells.map((c, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional.
                    <td key={i} className={badColumns.has(i + 1) ? "cell-bad" : undefined}>
                      {c}
                    </td>
                  ))}
                  <td>{r.issues.length === 0 ? t("valid") : t("problems: {{n}}", { n: r.issues.length })}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableRegion>
    </>
  );
}
