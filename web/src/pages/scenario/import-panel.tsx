/**
 * Import a cargo spreadsheet (CSV or XLSX): the file is checked on the server row by row and every
 * problem shown with its line, column and how to fix it; nothing is written until every row is
 * valid and the planner presses "Import". Only the departing party's planners see this panel.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button, Input, Label, Radio, RadioGroup, TextField } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { useApi } from "../../api/api-context.tsx";
import type { CargoImportPreview, CargoImportRequest, CargoImportResult } from "../../api/contract.ts";
import { ApiError } from "../../api/problem.ts";
import { formatNumber, formatTonnes } from "../../i18n/format.ts";
import { useLang } from "../../i18n/use-lang.ts";
import { ProblemMessage } from "../../ui/problem-message.tsx";
import { TableRegion } from "../../ui/table-region.tsx";
import { type ChosenFile, FileChooser } from "./file-chooser.tsx";
import { ImportIssueTable, ImportNotes, ImportRowsTable } from "./import-tables.tsx";
import { CARGO_KINDS } from "./scenario-words.ts";

/** The panel; `version` is the scenario's version the import is based on. */
export function ImportPanel({ version, siteName }: { version: number; siteName: (id: string) => string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const api = useApi();
  const queries = useQueryClient();
  const [file, setFile] = useState<ChosenFile | null>(null);
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

  const choose = (f: ChosenFile | null) => {
    preview.reset();
    apply.reset();
    setFile(f);
  };

  const p = preview.data;
  return (
    <section className="panel" aria-labelledby="import-heading" data-testid="import-panel">
      <h2 id="import-heading">{t("Import a cargo spreadsheet")}</h2>
      <p>
        {t("A unit's equipment list, one cargo line a row, as CSV or XLSX (columns: id, description, site, quantity, weight, length, width, height, kind; see docs/cargo-import.md). Every row is checked first; nothing is written unless every row is valid.")}
      </p>
      <div className="import-form">
        <FileChooser file={file} onChoose={choose} testId="import-file" />
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
      <ImportNotes notes={p.notes} />
      <ImportIssueTable fileName={p.fileName} issues={p.issues} testId="import-issues" />
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
      <ImportRowsTable fileName={p.fileName} headers={headers} rows={p.rows} rowCount={p.rowCount} testId="import-rows" />
    </div>
  );
}
