/**
 * The steps both spreadsheet imports (cargo, roster) take: choose a file (and for XLSX its
 * worksheet), check it on the server, read the preview, and apply it once every row is valid.
 * Choosing another file forgets the check and the last import; an applied import forgets the check
 * and refreshes every query. What is sent, said and shown after a check is each panel's own.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { Button, Input, Label, TextField } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { ProblemMessage } from "../../ui/problem-message.tsx";
import { type ChosenFile, FileChooser } from "./file-chooser.tsx";

/** What every spreadsheet import request holds: the file, and the worksheet when one is named. */
export interface SpreadsheetUpload {
  fileName: string;
  content: string;
  sheet?: string;
}

/** The panel's part: what to send, what to say, and what to show. */
interface SpreadsheetImportProps<P extends { ok: boolean }, R> {
  /** Checks the file (nothing is written). */
  check: (upload: SpreadsheetUpload) => Promise<P>;
  /** Applies the checked file. */
  apply: (upload: SpreadsheetUpload) => Promise<R>;
  /** Whether a refused import needs the file checked again (what it was checked against changed). */
  checkAgainOn: (error: Error) => boolean;
  /** The file chooser's test id. */
  fileTestId: string;
  /** More choices, between the file and the worksheet. */
  options?: ReactNode;
  checkLabel: string;
  showPreview: (preview: P) => ReactNode;
  applyLabel: (preview: P) => string;
  applyingLabel: string;
  showDone: (result: R) => ReactNode;
}

export function SpreadsheetImport<P extends { ok: boolean }, R>(props: SpreadsheetImportProps<P, R>) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [sheet, setSheet] = useState("");
  const upload = (f: ChosenFile): SpreadsheetUpload => ({ fileName: f.name, content: f.content, ...(sheet.trim() === "" ? {} : { sheet: sheet.trim() }) });

  const preview = useMutation({ mutationFn: (f: ChosenFile) => props.check(upload(f)) });
  const apply = useMutation({
    mutationFn: (f: ChosenFile) => props.apply(upload(f)),
    onSuccess: () => {
      preview.reset();
      void queries.invalidateQueries();
    },
    onError: (e) => {
      if (props.checkAgainOn(e)) preview.reset();
    },
  });
  const choose = (f: ChosenFile | null) => {
    preview.reset();
    apply.reset();
    setFile(f);
  };

  const p = preview.data;
  return (
    <>
      <div className="import-form">
        <FileChooser file={file} onChoose={choose} testId={props.fileTestId} />
        {props.options}
        {file?.name.toLowerCase().endsWith(".xlsx") === true && (
          <TextField className="field" value={sheet} onChange={setSheet}>
            <Label>{t("Worksheet (empty: the first)")}</Label>
            <Input />
          </TextField>
        )}
        <Button className="button button-primary" isDisabled={file === null || preview.isPending} onPress={() => file !== null && preview.mutate(file)}>
          {preview.isPending ? t("Checking…") : props.checkLabel}
        </Button>
      </div>
      {preview.error !== null && <ProblemMessage error={preview.error} />}
      {p !== undefined && file !== null && props.showPreview(p)}
      {p?.ok === true && file !== null && (
        <Button className="button button-primary" isDisabled={apply.isPending} onPress={() => apply.mutate(file)}>
          {apply.isPending ? props.applyingLabel : props.applyLabel(p)}
        </Button>
      )}
      {apply.error !== null && <ProblemMessage error={apply.error} />}
      {apply.data !== undefined && props.showDone(apply.data)}
    </>
  );
}
