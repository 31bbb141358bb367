/**
 * Messages the server sends with a stable code and its values beside the English text (import
 * problems, how a file was read, what-if notes): said in the reader's language. French comes from
 * the catalogues by code, with numbers written the French way; a code without French (a server
 * newer than the app) keeps the server's English, marked as English for screen readers.
 */
import type { Lang } from "./format.ts";
import { frImportNotes, frImportProblems } from "./fr-import-codes.ts";
import { frWhatIfTexts } from "./fr-whatif-codes.ts";

/** A coded message as the server sends it. */
export interface CodedText {
  readonly code: string;
  readonly params: Readonly<Record<string, string | number>>;
  readonly text: string;
}

/** A coded problem with its hint as the server sends it. */
export interface CodedProblem {
  readonly code: string;
  readonly params: Readonly<Record<string, string | number>>;
  readonly message: string;
  readonly hint: string;
}

/** French of every single-text code. */
export const FRENCH_TEXTS: Readonly<Record<string, string>> = { ...frImportNotes, ...frWhatIfTexts };
/** French of every problem code. */
export const FRENCH_PROBLEMS = frImportProblems;

const frenchNumber = new Intl.NumberFormat("fr-NE", { maximumFractionDigits: 20, useGrouping: false });

/** Fills `{{placeholders}}`; numbers in the language's form, text as sent. */
function fill(template: string, params: CodedText["params"], lang: Lang): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    return typeof v === "number" && lang === "fr" ? frenchNumber.format(v) : String(v);
  });
}

/**
 * A coded text in the language, and the language it is actually in.
 *
 * @example
 * sayText({ code: "import.note.tabs", params: {}, text: "delimited by tabs" }, "fr"); // { text: "séparé par des tabulations", lang: "fr" }
 */
export function sayText(m: CodedText, lang: Lang): { text: string; lang: Lang } {
  const french = lang === "fr" ? FRENCH_TEXTS[m.code] : undefined;
  return french === undefined ? { text: m.text, lang: "en" } : { text: fill(french, m.params, "fr"), lang: "fr" };
}

/**
 * A coded problem and its hint in the language, and the language they are actually in.
 *
 * @example
 * sayProblem(issue, "fr").message; // "site inconnu « MIAN »"
 */
export function sayProblem(m: CodedProblem, lang: Lang): { message: string; hint: string; lang: Lang } {
  const french = lang === "fr" ? FRENCH_PROBLEMS[m.code] : undefined;
  return french === undefined
    ? { message: m.message, hint: m.hint, lang: "en" }
    : { message: fill(french.message, m.params, "fr"), hint: fill(french.hint, m.params, "fr"), lang: "fr" };
}
