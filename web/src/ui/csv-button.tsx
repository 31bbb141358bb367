/**
 * "Export CSV" beside a table: builds the file when pressed (never before, so a large table costs
 * nothing until asked for) and hands it to the browser as a download.
 */
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { type CsvCell, csvFileName, toCsv } from "./csv-export.ts";

/** What the button exports: its header and rows, made on demand. */
export interface CsvTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly CsvCell[])[];
}

/** Saves `text` as a file called `name`, through a temporary link. */
export function downloadText(name: string, text: string, type = "text/csv;charset=utf-8"): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // Some browsers read the blob after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The button; `name` (already translated) names the file and the button's accessible label. */
export function CsvButton({ name, table }: { name: string; table: () => CsvTable }) {
  const { t } = useTranslation();
  return (
    <Button
      className="button button-quiet csv-button"
      aria-label={`${t("Export CSV")}: ${name}`}
      onPress={() => {
        const { header, rows } = table();
        downloadText(csvFileName(name), toCsv(header, rows));
      }}
    >
      {t("Export CSV")}
    </Button>
  );
}
