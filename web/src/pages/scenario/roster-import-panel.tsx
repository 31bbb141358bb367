/**
 * Import a unit's roster (CSV or XLSX) into the person register: the file is checked on the server
 * row by row against the scenario's sites and groups and the register, every problem shown with its
 * line, column and how to fix it; nothing is registered until every row is valid and the planner
 * presses "Register". Only the departing party's planners see this panel (the rows hold document
 * numbers); see docs/personnel-import.md.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button, Input, Label, TextField } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { useApi } from "../../api/api-context.tsx";
import type { PersonnelImportPreview, PersonnelImportRequest, PersonnelImportResult } from "../../api/contract.ts";
import { formatNumber } from "../../i18n/format.ts";
import { useLang } from "../../i18n/use-lang.ts";
import { ProblemMessage } from "../../ui/problem-message.tsx";
import { TableRegion } from "../../ui/table-region.tsx";
import { type ChosenFile, FileChooser } from "./file-chooser.tsx";
import { ImportIssueTable, ImportNotes, ImportRowsTable } from "./import-tables.tsx";

/** The panel; `siteName` names a site for people. */
export function RosterImportPanel({ siteName }: { siteName: (id: string) => string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const api = useApi();
  const queries = useQueryClient();
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [sheet, setSheet] = useState("");
  const request = (f: ChosenFile): PersonnelImportRequest => ({ fileName: f.name, content: f.content, ...(sheet.trim() === "" ? {} : { sheet: sheet.trim() }) });

  const preview = useMutation({
    mutationFn: (f: ChosenFile) => api.send<PersonnelImportPreview>("POST", "/api/personnel/import/preview", { body: request(f) }),
  });
  const apply = useMutation({
    mutationFn: (f: ChosenFile) => api.send<PersonnelImportResult>("POST", "/api/personnel/import", { body: request(f) }),
    onSuccess: () => {
      preview.reset();
      void queries.invalidateQueries();
    },
    // Refused (someone registered some of these people since the check): check the file again.
    onError: () => preview.reset(),
  });
  const choose = (f: ChosenFile | null) => {
    preview.reset();
    apply.reset();
    setFile(f);
  };

  const p = preview.data;
  return (
    <section className="panel" aria-labelledby="roster-heading" data-testid="roster-panel">
      <h2 id="roster-heading">{t("Import a personnel roster")}</h2>
      <p>
        {t(
          "A unit's roster, one person a row, as CSV or XLSX (columns: name, nationality, document_number, unit, and optionally group, site and entry_time; see docs/personnel-import.md). Each person goes into the person register, recorded as present at the row's site. Every row is checked first; nothing is registered unless every row is valid.",
        )}
      </p>
      <div className="import-form">
        <FileChooser file={file} onChoose={choose} testId="roster-file" />
        {file?.name.toLowerCase().endsWith(".xlsx") === true && (
          <TextField className="field" value={sheet} onChange={setSheet}>
            <Label>{t("Worksheet (empty: the first)")}</Label>
            <Input />
          </TextField>
        )}
        <Button className="button button-primary" isDisabled={file === null || preview.isPending} onPress={() => file !== null && preview.mutate(file)}>
          {preview.isPending ? t("Checking…") : t("Check the roster")}
        </Button>
      </div>
      {preview.error !== null && <ProblemMessage error={preview.error} />}
      {p !== undefined && file !== null && <RosterPreview preview={p} siteName={siteName} />}
      {p?.ok === true && file !== null && (
        <Button className="button button-primary" isDisabled={apply.isPending} onPress={() => apply.mutate(file)}>
          {apply.isPending ? t("Registering…") : t("Register {{n}} persons", { n: formatNumber(p.summary?.persons ?? 0, lang) })}
        </Button>
      )}
      {apply.error !== null && <ProblemMessage error={apply.error} />}
      {apply.data !== undefined && (
        <p className="success" role="status" data-testid="roster-done">
          {t("Registered {{n}} persons from {{file}}, {{entries}} of them recorded as present at their site; the register now holds {{total}} persons of your party, and the ledger records each by id.", {
            n: formatNumber(apply.data.summary.persons, lang),
            file: apply.data.fileName,
            entries: formatNumber(apply.data.summary.entries, lang),
            total: formatNumber(apply.data.registered, lang),
          })}
        </p>
      )}
    </section>
  );
}

function RosterPreview({ preview: p, siteName }: { preview: PersonnelImportPreview; siteName: (id: string) => string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const bad = p.rows.filter((r) => r.issues.length > 0).length;
  return (
    <div className="import-preview" data-testid="roster-preview">
      {p.ok ? (
        <p className="success" role="status">
          {t("Every row is valid: {{persons}} persons, {{entries}} of them recorded as present at a site. The register holds {{registered}} persons of your party now. Nothing is written until you register them.", {
            persons: formatNumber(p.summary?.persons ?? 0, lang),
            entries: formatNumber(p.summary?.entries ?? 0, lang),
            registered: formatNumber(p.registered, lang),
          })}
        </p>
      ) : (
        <p className="problem" role="alert" data-testid="roster-refused">
          {t("Problems in {{file}}: {{n}}, in {{rows}} of its {{total}} rows. Nothing was written: correct the file and check it again.", {
            n: formatNumber(p.issues.length, lang),
            file: p.fileName,
            rows: formatNumber(bad, lang),
            total: formatNumber(p.rowCount, lang),
          })}
        </p>
      )}
      <ImportNotes notes={p.notes} />
      <ImportIssueTable fileName={p.fileName} issues={p.issues} testId="roster-issues" />
      {p.summary !== null && (
        <div className="columns">
          <TableRegion label={t("Present by site")}>
            <table className="data-table" data-testid="roster-by-site">
              <caption>{t("Present by site")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("Site")}</th>
                  <th scope="col">{t("Persons")}</th>
                </tr>
              </thead>
              <tbody>
                {p.summary.bySite.map((b) => (
                  <tr key={b.site}>
                    <th scope="row">{siteName(b.site)}</th>
                    <td>{formatNumber(b.persons, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
          <TableRegion label={t("By unit")}>
            <table className="data-table">
              <caption>{t("By unit")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("Unit")}</th>
                  <th scope="col">{t("Persons")}</th>
                </tr>
              </thead>
              <tbody>
                {p.summary.byUnit.map((b) => (
                  <tr key={b.unit}>
                    <th scope="row">{b.unit}</th>
                    <td>{formatNumber(b.persons, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        </div>
      )}
      <ImportRowsTable fileName={p.fileName} headers={p.header?.cells ?? []} rows={p.rows} rowCount={p.rowCount} testId="roster-rows" />
    </div>
  );
}
