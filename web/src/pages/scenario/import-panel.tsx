/**
 * Import a cargo spreadsheet (CSV or XLSX): the file is checked on the server row by row and every
 * problem shown with its line, column and how to fix it; nothing is written until every row is
 * valid and the planner presses "Import". Only the departing party's planners see this panel.
 */
import { useState } from "react";
import { Label, Radio, RadioGroup } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { useApi } from "../../api/api-context.tsx";
import type { CargoImportPreview, CargoImportRequest, CargoImportResult } from "../../api/contract.ts";
import { ApiError } from "../../api/problem.ts";
import { formatNumber, formatTonnes } from "../../i18n/format.ts";
import { useLang } from "../../i18n/use-lang.ts";
import { ImportPreview, ImportTotals } from "./import-tables.tsx";
import { CARGO_KINDS } from "./scenario-words.ts";
import { SpreadsheetImport, type SpreadsheetUpload } from "./spreadsheet-import.tsx";

/** The panel; `version` is the scenario's version the import is based on. */
export function ImportPanel({ version, siteName }: { version: number; siteName: (id: string) => string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const api = useApi();
  const [mode, setMode] = useState<"append" | "replace">("append");
  const request = (upload: SpreadsheetUpload): CargoImportRequest => ({ ...upload, mode });

  return (
    <section className="panel" aria-labelledby="import-heading" data-testid="import-panel">
      <h2 id="import-heading">{t("Import a cargo spreadsheet")}</h2>
      <p>
        {t("A unit's equipment list, one cargo line a row, as CSV or XLSX (columns: id, description, site, quantity, weight, length, width, height, kind; see docs/cargo-import.md). Every row is checked first; nothing is written unless every row is valid.")}
      </p>
      <SpreadsheetImport
        check={(u) => api.send<CargoImportPreview>("POST", "/api/scenario/cargo-import/preview", { body: request(u) })}
        apply={(u) => api.send<CargoImportResult>("POST", "/api/scenario/cargo-import", { body: request(u), ifMatch: version })}
        // The scenario changed since the check: check the file again against the new one.
        checkAgainOn={(e) => e instanceof ApiError && e.isConflict}
        fileTestId="import-file"
        options={
          <RadioGroup className="radio-group" value={mode} onChange={(v) => setMode(v === "replace" ? "replace" : "append")}>
            <Label>{t("The file's lines")}</Label>
            <Radio className="radio" value="append">
              {t("are added to the scenario's cargo")}
            </Radio>
            <Radio className="radio" value="replace">
              {t("replace all cargo of the sites they name")}
            </Radio>
          </RadioGroup>
        }
        checkLabel={t("Check the file")}
        showPreview={(p) => <PreviewResult preview={p} siteName={siteName} />}
        applyLabel={(p) => t("Import {{n}} cargo lines into the scenario", { n: formatNumber(p.summary?.total.lines ?? 0, lang) })}
        applyingLabel={t("Importing…")}
        showDone={(r) => (
          <p className="success" role="status" data-testid="import-done">
            {t("Imported {{lines}} cargo lines from {{file}}: the scenario now has {{after}} cargo lines (version {{version}}), and the ledger records the import. Run the planner to plan them.", {
              lines: formatNumber(r.summary.total.lines, lang),
              file: r.fileName,
              after: formatNumber(r.cargoLines.after, lang),
              version: r.scenarioVersion,
            })}
          </p>
        )}
      />
    </section>
  );
}

function PreviewResult({ preview: p, siteName }: { preview: CargoImportPreview; siteName: (id: string) => string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const columns = [t("Lines"), t("Pieces"), t("Weight")];
  const tally = (b: { lines: number; pieces: number; kg: number }) => [formatNumber(b.lines, lang), formatNumber(b.pieces, lang), formatTonnes(b.kg, lang)];
  return (
    <ImportPreview
      preview={p}
      testId="import"
      valid={t("Every row is valid: {{lines}} lines, {{pieces}} pieces, {{weight}}. The scenario's cargo goes from {{before}} to {{after}} lines. Nothing is written until you import.", {
        lines: formatNumber(p.summary?.total.lines ?? 0, lang),
        pieces: formatNumber(p.summary?.total.pieces ?? 0, lang),
        weight: formatTonnes(p.summary?.total.kg ?? 0, lang),
        before: formatNumber(p.cargoLines?.before ?? 0, lang),
        after: formatNumber(p.cargoLines?.after ?? 0, lang),
      })}
      totals={(summary) => (
        <>
          <ImportTotals label={t("By site")} testId="import-by-site" columns={[t("Site"), ...columns]} rows={summary.bySite} keyOf={(b) => b.site} head={(b) => siteName(b.site)} cells={tally} />
          <ImportTotals
            label={t("By kind")}
            columns={[t("Kind"), ...columns]}
            rows={summary.byKind}
            keyOf={(b) => b.kind}
            head={(b) => (CARGO_KINDS[b.kind] === undefined ? b.kind : t(CARGO_KINDS[b.kind] ?? b.kind))}
            cells={tally}
          />
        </>
      )}
    />
  );
}
