/**
 * Import a cargo spreadsheet (CSV or XLSX): the file is checked on the server row by row and every
 * problem shown with its line, column and how to fix it; nothing is written until every row is
 * valid and the planner presses "Import". Only the departing party's planners see this panel.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button, FileTrigger, Label, Radio, RadioGroup, TextField, Input } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { useApi } from "../../api/api-context.tsx";
import type { CargoImportPreview, CargoImportRequest, CargoImportResult } from "../../api/contract.ts";
import { ApiError } from "../../api/problem.ts";
import { formatNumber, formatTonnes } from "../../i18n/format.ts";
import { useLang } from "../../i18n/use-lang.ts";
import { CsvButton } from "../../ui/csv-button.tsx";
import { ProblemMessage } from "../../ui/problem-message.tsx";
import { TableRegion } from "../../ui/table-region.tsx";
import { base64OfBytes } from "./file-bytes.ts";
import { CARGO_KINDS } from "./scenario-words.ts";

/** The chosen file, read. */
interface ChosenFile {
  readonly name: string;
  readonly size: number;
  readonly content: string;
}

/** The largest file the server takes (its body limit, less base64's third). */
export const MAX_FILE_BYTES = 1_400_000;

/** The panel; `version` is the scenario's version the import is based on. */
export function ImportPanel({ version, siteName }: { version: number; siteName: (id: string) => string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const api = useApi();
  const queries = useQueryClient();
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [tooBig, setTooBig] = useState<string | null>(null);
  const [mode, setMode] = useState<"append" | "replace">("append");
  const [sheet, setSheet] = useState("");
  const request = (f: ChosenFile): CargoImportRequest => ({ fileName: f.name, content: f.content, mode, ...(sheet.trim() === "" ? {} : { sheet: sheet.trim() }) });

  const preview = useMutation({
    mutationFn: (f: ChosenFile) => api.send<CargoImportPreview>("POST", "/api/scenario/cargo-import/preview", { body: request(f) }),
  });
  const apply = useMutation({
    mutationFn: (f: ChosenFile) => api.send<CargoImportResult>("POST", "/api/scenario/cargo-import", { body: request(f), ifMatch: version }),
    onSuccess: () => {
      preview.reset();
      void queries.invalidateQueries();
    },
    onError: (e) => {
      // The scenario changed since the check: check the file again against the new one.
      if (e instanceof ApiError && e.isConflict) preview.reset();
    },
  });

  const choose = async (files: FileList | null) => {
    const f = files?.[0];
    if (f === undefined) return;
    preview.reset();
    apply.reset();
    if (f.size > MAX_FILE_BYTES) {
      setFile(null);
      setTooBig(t("{{file}} is {{size}} bytes; the largest file the server takes is {{max}} bytes. Split it into smaller files.", { file: f.name, size: formatNumber(f.size, lang), max: formatNumber(MAX_FILE_BYTES, lang) }));
      return;
    }
    setTooBig(null);
    setFile({ name: f.name, size: f.size, content: base64OfBytes(new Uint8Array(await f.arrayBuffer())) });
  };

  const p = preview.data;
  return (
    <section className="panel" aria-labelledby="import-heading" data-testid="import-panel">
      <h2 id="import-heading">{t("Import a cargo spreadsheet")}</h2>
      <p>
        {t("A unit's equipment list, one cargo line a row, as CSV or XLSX (columns: id, description, site, quantity, weight, length, width, height, kind; see docs/cargo-import.md). Every row is checked first; nothing is written unless every row is valid.")}
      </p>
      <div className="import-form">
        <FileTrigger acceptedFileTypes={[".csv", ".xlsx", "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]} onSelect={(files) => void choose(files)}>
          <Button className="button">{t("Choose a file…")}</Button>
        </FileTrigger>
        <p className="import-file" aria-live="polite" data-testid="import-file">
          {file === null ? t("No file chosen.") : t("{{file}} ({{size}} bytes)", { file: file.name, size: formatNumber(file.size, lang) })}
        </p>
        <RadioGroup className="radio-group" value={mode} onChange={(v) => setMode(v === "replace" ? "replace" : "append")}>
          <Label>{t("The file's lines")}</Label>
          <Radio className="radio" value="append">
            {t("are added to the scenario's cargo")}
          </Radio>
          <Radio className="radio" value="replace">
            {t("replace all cargo of the sites they name")}
          </Radio>
        </RadioGroup>
        {file?.name.toLowerCase().endsWith(".xlsx") === true && (
          <TextField className="field" value={sheet} onChange={setSheet}>
            <Label>{t("Worksheet (empty: the first)")}</Label>
            <Input />
          </TextField>
        )}
        <Button className="button button-primary" isDisabled={file === null || preview.isPending} onPress={() => file !== null && preview.mutate(file)}>
          {preview.isPending ? t("Checking…") : t("Check the file")}
        </Button>
      </div>
      {tooBig !== null && (
        <p className="problem" role="alert">
          {tooBig}
        </p>
      )}
      {preview.error !== null && <ProblemMessage error={preview.error} />}
      {p !== undefined && file !== null && <PreviewResult preview={p} siteName={siteName} />}
      {p?.ok === true && file !== null && (
        <Button className="button button-primary" isDisabled={apply.isPending} onPress={() => apply.mutate(file)}>
          {apply.isPending ? t("Importing…") : t("Import {{n}} cargo lines into the scenario", { n: formatNumber(p.summary?.total.lines ?? 0, lang) })}
        </Button>
      )}
      {apply.error !== null && <ProblemMessage error={apply.error} />}
      {apply.data !== undefined && (
        <p className="success" role="status" data-testid="import-done">
          {t("Imported {{lines}} cargo lines from {{file}}: the scenario now has {{after}} cargo lines (version {{version}}), and the ledger records the import. Run the planner to plan them.", {
            lines: formatNumber(apply.data.summary.total.lines, lang),
            file: apply.data.fileName,
            after: formatNumber(apply.data.cargoLines.after, lang),
            version: apply.data.scenarioVersion,
          })}
        </p>
      )}
    </section>
  );
}

function PreviewResult({ preview: p, siteName }: { preview: CargoImportPreview; siteName: (id: string) => string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const headers = p.header?.cells ?? [];
  const bad = p.rows.filter((r) => r.issues.length > 0).length;
  return (
    <div className="import-preview" data-testid="import-preview">
      {p.ok ? (
        <p className="success" role="status">
          {t("Every row is valid: {{lines}} lines, {{pieces}} pieces, {{weight}}. The scenario's cargo goes from {{before}} to {{after}} lines. Nothing is written until you import.", {
            lines: formatNumber(p.summary?.total.lines ?? 0, lang),
            pieces: formatNumber(p.summary?.total.pieces ?? 0, lang),
            weight: formatTonnes(p.summary?.total.kg ?? 0, lang),
            before: formatNumber(p.cargoLines?.before ?? 0, lang),
            after: formatNumber(p.cargoLines?.after ?? 0, lang),
          })}
        </p>
      ) : (
        <p className="problem" role="alert" data-testid="import-refused">
          {t("Problems in {{file}}: {{n}}, in {{rows}} of its {{total}} rows. Nothing was written: correct the file and check it again.", {
            n: formatNumber(p.issues.length, lang),
            file: p.fileName,
            rows: formatNumber(bad, lang),
            total: formatNumber(p.rowCount, lang),
          })}
        </p>
      )}
      {p.notes.length > 0 && (
        <ul className="plain-list muted" lang="en">
          {p.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      {p.issues.length > 0 && (
        <>
          <div className="table-head">
            <h3>{t("Problems")}</h3>
            <CsvButton
              name={t("Problems in {{file}}", { file: p.fileName })}
              table={() => ({ header: [t("Line"), t("Column"), t("Cell"), t("Problem"), t("How to fix it")], rows: p.issues.map((i) => [i.line, i.columnName ?? i.column, i.cell ?? "", i.message, i.hint]) })}
            />
          </div>
          <TableRegion label={t("Problems")}>
            <table className="data-table" data-testid="import-issues">
              <thead>
                <tr>
                  <th scope="col">{t("Line")}</th>
                  <th scope="col">{t("Column")}</th>
                  <th scope="col">{t("Problem")}</th>
                  <th scope="col">{t("How to fix it")}</th>
                </tr>
              </thead>
              <tbody>
                {p.issues.map((i, n) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: two problems may share a cell.
                  <tr key={n}>
                    <th scope="row">{i.cell === null ? formatNumber(i.line, lang) : `${formatNumber(i.line, lang)} (${i.cell})`}</th>
                    <td>{i.columnName ?? formatNumber(i.column, lang)}</td>
                    <td lang="en">{i.message}</td>
                    <td lang="en">{i.hint}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        </>
      )}
      {p.summary !== null && (
        <div className="columns">
          <TableRegion label={t("By site")}>
            <table className="data-table" data-testid="import-by-site">
              <caption>{t("By site")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("Site")}</th>
                  <th scope="col">{t("Lines")}</th>
                  <th scope="col">{t("Pieces")}</th>
                  <th scope="col">{t("Weight")}</th>
                </tr>
              </thead>
              <tbody>
                {p.summary.bySite.map((b) => (
                  <tr key={b.site}>
                    <th scope="row">{siteName(b.site)}</th>
                    <td>{formatNumber(b.lines, lang)}</td>
                    <td>{formatNumber(b.pieces, lang)}</td>
                    <td>{formatTonnes(b.kg, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
          <TableRegion label={t("By kind")}>
            <table className="data-table">
              <caption>{t("By kind")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("Kind")}</th>
                  <th scope="col">{t("Lines")}</th>
                  <th scope="col">{t("Pieces")}</th>
                  <th scope="col">{t("Weight")}</th>
                </tr>
              </thead>
              <tbody>
                {p.summary.byKind.map((b) => (
                  <tr key={b.kind}>
                    <th scope="row">{CARGO_KINDS[b.kind] === undefined ? b.kind : t(CARGO_KINDS[b.kind] ?? b.kind)}</th>
                    <td>{formatNumber(b.lines, lang)}</td>
                    <td>{formatNumber(b.pieces, lang)}</td>
                    <td>{formatTonnes(b.kg, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        </div>
      )}
      <div className="table-head">
        <h3>{t("The rows as read")}</h3>
        <CsvButton
          name={t("Rows of {{file}}", { file: p.fileName })}
          table={() => ({ header: [t("Line"), ...headers, t("Problems")], rows: p.rows.map((r) => [r.line, ...r.cells, r.issues.map((i) => `${i.columnName ?? i.column}: ${i.message}`).join("; ")]) })}
        />
      </div>
      {p.rowCount > p.rows.length && <p className="muted">{t("The first {{n}} of {{total}} rows are shown; the problems above cover them all.", { n: formatNumber(p.rows.length, lang), total: formatNumber(p.rowCount, lang) })}</p>}
      <TableRegion label={t("The rows as read")}>
        <table className="data-table import-rows" data-testid="import-rows">
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
            {p.rows.map((r) => {
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
    </div>
  );
}
