/** A lead-time warning in words (and colour): what presses, how much, and the instant it is about. */
import { useTranslation } from "react-i18next";
import { msg } from "../../i18n/msg.ts";
import { DateTime } from "../../ui/date-time.tsx";
import type { LeadTimeWarning } from "./lead-time.ts";

const WORDS: Readonly<Record<LeadTimeWarning["kind"], string>> = {
  filing_passed: msg("Filing time passed:"),
  filing_near: msg("File by"),
  decision_near: msg("Undecided, flight at"),
  flight_passed: msg("Flight time passed:"),
};

/** The same, short, for a table whose other columns give the instants. */
const SHORT: Readonly<Record<LeadTimeWarning["kind"], string>> = {
  filing_passed: msg("filing time passed"),
  filing_near: msg("file soon"),
  decision_near: msg("flight soon, undecided"),
  flight_passed: msg("flight time passed"),
};

/** The warning, or nothing; `short` leaves the instant out. */
export function LeadTimeLabel({ warning, short = false }: { warning: LeadTimeWarning | undefined; short?: boolean }) {
  const { t } = useTranslation();
  if (warning === undefined) return null;
  return (
    <span className={`lead-time lead-time-${warning.severity}`} data-testid="lead-time">
      <strong>{warning.severity === "critical" ? t("Critical") : t("Warning")}</strong>{" "}
      {short ? (
        t(SHORT[warning.kind])
      ) : (
        <>
          {t(WORDS[warning.kind])} <DateTime iso={warning.due} />
        </>
      )}
    </span>
  );
}
