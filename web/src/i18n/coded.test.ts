/**
 * Every coded message the server can send has its French, with the same placeholders, and no French
 * is left over: the catalogues are read from the server's sources (this test runs in Node; the app
 * itself never imports them). Then: French is filled in with French numbers, and an unknown code
 * keeps the server's English, marked as English.
 */
import { describe, expect, it } from "vitest";
import { CARGO_IMPORT_MESSAGES } from "../../../src/domain/cargo-import-messages.ts";
import { placeholders } from "../../../src/domain/coded-message.ts";
import { IMPORT_MESSAGES, IMPORT_NOTES } from "../../../src/domain/import-messages.ts";
import { PERSONNEL_IMPORT_MESSAGES } from "../../../src/domain/personnel-import-messages.ts";
import { WHATIF_TEXTS } from "../../../src/server/planner-jobs/whatif-texts.ts";
import { FRENCH_PROBLEMS, FRENCH_TEXTS, sayProblem, sayText } from "./coded.ts";

const PROBLEMS: Readonly<Record<string, { message: string; hint: string }>> = { ...IMPORT_MESSAGES, ...CARGO_IMPORT_MESSAGES, ...PERSONNEL_IMPORT_MESSAGES };
const TEXTS: Readonly<Record<string, string>> = { ...IMPORT_NOTES, ...WHATIF_TEXTS };

describe("coded messages in French", () => {
  it("has French for every problem code, with the message's and the hint's placeholders", () => {
    expect(Object.keys(PROBLEMS).length).toBeGreaterThan(70);
    expect(Object.keys(PROBLEMS).filter((c) => FRENCH_PROBLEMS[c] === undefined)).toEqual([]);
    for (const [code, english] of Object.entries(PROBLEMS)) {
      const french = FRENCH_PROBLEMS[code];
      expect(placeholders(french?.message ?? ""), `${code} message`).toEqual(placeholders(english.message));
      expect(placeholders(french?.hint ?? ""), `${code} hint`).toEqual(placeholders(english.hint));
    }
  });

  it("has French for every single-text code, with its placeholders", () => {
    expect(Object.keys(TEXTS).filter((c) => FRENCH_TEXTS[c] === undefined)).toEqual([]);
    for (const [code, english] of Object.entries(TEXTS)) expect(placeholders(FRENCH_TEXTS[code] ?? ""), code).toEqual(placeholders(english));
  });

  it("has no French left over for codes the server no longer sends", () => {
    expect(Object.keys(FRENCH_PROBLEMS).filter((c) => PROBLEMS[c] === undefined)).toEqual([]);
    expect(Object.keys(FRENCH_TEXTS).filter((c) => TEXTS[c] === undefined)).toEqual([]);
  });

  it("fills French with the values, numbers written the French way; English stays the server's text", () => {
    const issue = { code: "cargo.number.not_positive", params: { value: -0.5, example: "120" }, message: "-0.5 is not more than 0", hint: "write the size of one piece, e.g. 120" };
    expect(sayProblem(issue, "fr")).toEqual({ message: "-0,5 n’est pas supérieur à 0", hint: "écrivez la valeur pour une pièce, p. ex. 120", lang: "fr" });
    expect(sayProblem(issue, "en")).toEqual({ message: issue.message, hint: issue.hint, lang: "en" });
    expect(sayText({ code: "import.note.header_line", params: { line: 3 }, text: "the header is line 3; the lines above it are not read" }, "fr")).toEqual({
      text: "l’en-tête est à la ligne 3 ; les lignes au-dessus ne sont pas lues",
      lang: "fr",
    });
  });

  it("keeps the server's English, marked as English, for a code it does not know", () => {
    expect(sayText({ code: "import.note.someday", params: {}, text: "read by a newer server" }, "fr")).toEqual({ text: "read by a newer server", lang: "en" });
    expect(sayProblem({ code: "x.y", params: {}, message: "m", hint: "h" }, "fr")).toEqual({ message: "m", hint: "h", lang: "en" });
  });
});
