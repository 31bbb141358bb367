/**
 * A figure of the scenario as its file states it, with where it comes from: its source (and the
 * date it was true), or "assumption" with the reason it is reasonable. The source or reason opens
 * on demand, so tables stay readable; they are in the scenario's own words (English).
 */
import { useTranslation } from "react-i18next";
import type { FactFigure } from "../../api/contract.ts";
import { formatNumber } from "../../i18n/format.ts";
import { useLang } from "../../i18n/use-lang.ts";
import { UNIT_WORDS } from "./scenario-words.ts";

type Provenance = Pick<FactFigure, "source" | "asOf" | "assumption" | "rationale">;

/** `3 working days` / `3 jours ouvrés`. */
export function useFigureText(): (f: FactFigure) => string {
  const { t } = useTranslation();
  const lang = useLang();
  return (f) => {
    const value = typeof f.value === "number" ? formatNumber(f.value, lang, 2) : (f.value ?? "—");
    return f.unit === null ? value : `${value} ${UNIT_WORDS[f.unit] === undefined ? f.unit : t(UNIT_WORDS[f.unit] ?? f.unit)}`;
  };
}

/** The figure and its provenance. */
export function Figure({ f }: { f: FactFigure }) {
  const text = useFigureText();
  return (
    <span className="fact">
      <span className="fact-value">{text(f)}</span> <ProvenanceNote p={f} />
    </span>
  );
}

/** "Source" or "Assumption", opening to the text. */
export function ProvenanceNote({ p }: { p: Provenance }) {
  const { t } = useTranslation();
  if (p.assumption)
    return (
      <details className="fact-prov fact-assumed">
        <summary>{t("Assumption")}</summary>
        <span lang="en">{p.rationale ?? t("no rationale given")}</span>
      </details>
    );
  if (p.source !== null)
    return (
      <details className="fact-prov fact-sourced">
        <summary>{t("Source")}</summary>
        <span lang="en">
          {p.source}
          {p.asOf !== null && ` (${p.asOf})`}
        </span>
      </details>
    );
  return <span className="fact-prov fact-none">{t("no source given")}</span>;
}

/** The provenance's words for a CSV file: "Assumption" or "Source", and its text. */
export function provenanceCells(p: Provenance, t: (key: string) => string): [string, string] {
  if (p.assumption) return [t("Assumption"), p.rationale ?? ""];
  if (p.source !== null) return [t("Source"), `${p.source}${p.asOf === null ? "" : ` (${p.asOf})`}`];
  return ["", ""];
}
