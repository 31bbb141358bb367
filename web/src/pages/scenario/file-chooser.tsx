/**
 * Choosing a spreadsheet to import: the file is read in the browser and kept as base64 for the
 * import routes; a file larger than the server takes is refused at once, with what to do.
 */
import { useState } from "react";
import { Button, FileTrigger } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../i18n/format.ts";
import { useLang } from "../../i18n/use-lang.ts";
import { base64OfBytes } from "./file-bytes.ts";

/** The chosen file, read. */
export interface ChosenFile {
  readonly name: string;
  readonly size: number;
  readonly content: string;
}

/** The largest file the server takes (its body limit, less base64's third). */
export const MAX_FILE_BYTES = 1_400_000;

const SPREADSHEETS = [".csv", ".xlsx", "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"];

/** The button, the chosen file's name, and the refusal of a file too large; `onChoose` gets each new file (or null). */
export function FileChooser({ file, onChoose, testId }: { file: ChosenFile | null; onChoose: (f: ChosenFile | null) => void; testId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [tooBig, setTooBig] = useState<string | null>(null);
  const choose = async (files: FileList | null) => {
    const f = files?.[0];
    if (f === undefined) return;
    if (f.size > MAX_FILE_BYTES) {
      onChoose(null);
      setTooBig(t("{{file}} is {{size}} bytes; the largest file the server takes is {{max}} bytes. Split it into smaller files.", { file: f.name, size: formatNumber(f.size, lang), max: formatNumber(MAX_FILE_BYTES, lang) }));
      return;
    }
    setTooBig(null);
    onChoose({ name: f.name, size: f.size, content: base64OfBytes(new Uint8Array(await f.arrayBuffer())) });
  };
  return (
    <>
      <FileTrigger acceptedFileTypes={SPREADSHEETS} onSelect={(files) => void choose(files)}>
        <Button className="button">{t("Choose a file…")}</Button>
      </FileTrigger>
      <p className="import-file" aria-live="polite" data-testid={testId}>
        {file === null ? t("No file chosen.") : t("{{file}} ({{size}} bytes)", { file: file.name, size: formatNumber(file.size, lang) })}
      </p>
      {tooBig !== null && (
        <p className="problem" role="alert">
          {tooBig}
        </p>
      )}
    </>
  );
}
