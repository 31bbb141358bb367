/**
 * Import a unit's roster (CSV or XLSX) into the person register: the file is checked on the server
 * row by row against the scenario's sites and groups and the register, every problem shown with its
 * line, column and how to fix it; nothing is registered until every row is valid and the planner
 * presses "Register". Only the departing party's planners see this panel (the rows hold document
 * numbers); see docs/personnel-import.md.
 */
import { useTranslation } from "react-i18next";
import { useApi } from "../../api/api-context.tsx";
import type { PersonnelImportPreview, PersonnelImportRequest, PersonnelImportResult } from "../../api/contract.ts";
import { formatNumber } from "../../i18n/format.ts";
import { useLang } from "../../i18n/use-lang.ts";
import { ImportPreview, ImportTotals } from "./import-tables.tsx";
import { SpreadsheetImport, type SpreadsheetUpload } from "./spreadsheet-import.tsx";

/** The panel; `siteName` names a site for people. */
export function RosterImportPanel({ siteName }: { siteName: (id: string) => string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const api = useApi();
  const request = (upload: SpreadsheetUpload): PersonnelImportRequest => upload;

  return (
    <section className="panel" aria-labelledby="roster-heading" data-testid="roster-panel">
      <h2 id="roster-heading">{t("Import a personnel roster")}</h2>
      <p>
        {t(
          "A unit's roster, one person a row, as CSV or XLSX (columns: name, nationality, document_number, unit, and optionally group, site and entry_time; see docs/personnel-import.md). Each person goes into the person register, recorded as present at the row's site. Every row is checked first; nothing is registered unless every row is valid.",
        )}
      </p>
      <SpreadsheetImport
        check={(u) => api.send<PersonnelImportPreview>("POST", "/api/personnel/import/preview", { body: request(u) })}
        apply={(u) => api.send<PersonnelImportResult>("POST", "/api/personnel/import", { body: request(u) })}
        // Refused (someone registered some of these people since the check): check the file again.
        checkAgainOn={() => true}
        fileTestId="roster-file"
        checkLabel={t("Check the roster")}
        showPreview={(p) => <RosterPreview preview={p} siteName={siteName} />}
        applyLabel={(p) => t("Register {{n}} persons", { n: formatNumber(p.summary?.persons ?? 0, lang) })}
        applyingLabel={t("Registering…")}
        showDone={(r) => (
          <p className="success" role="status" data-testid="roster-done">
            {t("Registered {{n}} persons from {{file}}, {{entries}} of them recorded as present at their site; the register now holds {{total}} persons of your party, and the ledger records each by id.", {
              n: formatNumber(r.summary.persons, lang),
              file: r.fileName,
              entries: formatNumber(r.summary.entries, lang),
              total: formatNumber(r.registered, lang),
            })}
          </p>
        )}
      />
    </section>
  );
}

function RosterPreview({ preview: p, siteName }: { preview: PersonnelImportPreview; siteName: (id: string) => string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const persons = (b: { persons: number }) => [formatNumber(b.persons, lang)];
  return (
    <ImportPreview
      preview={p}
      testId="roster"
      valid={t("Every row is valid: {{persons}} persons, {{entries}} of them recorded as present at a site. The register holds {{registered}} persons of your party now. Nothing is written until you register them.", {
        persons: formatNumber(p.summary?.persons ?? 0, lang),
        entries: formatNumber(p.summary?.entries ?? 0, lang),
        registered: formatNumber(p.registered, lang),
      })}
      totals={(summary) => (
        <>
          <ImportTotals label={t("Present by site")} testId="roster-by-site" columns={[t("Site"), t("Persons")]} rows={summary.bySite} keyOf={(b) => b.site} head={(b) => siteName(b.site)} cells={persons} />
          <ImportTotals label={t("By unit")} columns={[t("Unit"), t("Persons")]} rows={summary.byUnit} keyOf={(b) => b.unit} head={(b) => b.unit} cells={persons} />
        </>
      )}
    />
  );
}
