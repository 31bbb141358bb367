/**
 * A request's history: each event with who took it (the party, and the account's id — accounts'
 * names are each party's own business), when, what it changed, and its place in the ledger with
 * whether both parties have cosigned it yet (final).
 */
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { HistoryEntry, ScenarioSummary } from "../../api/contract.ts";
import { formatNumber, formatUtcDateTime, type Lang } from "../../i18n/format.ts";
import { useLang } from "../../i18n/use-lang.ts";
import { CsvButton } from "../../ui/csv-button.tsx";
import { DateTime } from "../../ui/date-time.tsx";
import { CLEARANCE_EVENTS, HISTORY_FIELDS } from "./clearance-words.ts";
import { type HistoryLine, historyLines, type LineValue } from "./history-lines.ts";

type T = ReturnType<typeof useTranslation>["t"];

/** Who took an event, in words. */
export function actorText(e: Pick<HistoryEntry, "actorId" | "actorParty">, meId: string | undefined, scenario: ScenarioSummary | undefined, t: T): string {
  const party = scenario?.parties.find((p) => p.code === e.actorParty)?.name ?? e.actorParty;
  if (e.actorId === "system") return t("The server, for {{party}} (automatic)", { party });
  if (e.actorId === meId) return t("You ({{party}})", { party });
  return t("{{party}}, account {{id}}", { party, id: e.actorId });
}

function valueText(v: LineValue, t: T, lang: Lang): string {
  if ("text" in v) return v.text;
  if ("instant" in v) return v.instant === "" ? "" : t("{{time}} UTC", { time: formatUtcDateTime(v.instant, lang) });
  if ("number" in v) return formatNumber(v.number, lang);
  if ("legs" in v) return t("legs: {{n}}", { n: formatNumber(v.legs, lang) });
  return t("declarations: {{n}}", { n: formatNumber(v.declarations, lang) });
}

function lineNode(l: HistoryLine, t: T, lang: Lang): ReactNode {
  const label = t(HISTORY_FIELDS[l.field] ?? l.field);
  return "instant" in l.value && l.value.instant !== "" ? (
    <>
      {t("{{field}}:", { field: label })} <DateTime iso={l.value.instant} />
    </>
  ) : (
    `${t("{{field}}:", { field: label })} ${valueText(l.value, t, lang)}`
  );
}

/** The history table. */
export function RequestHistory({ id, history, meId, scenario }: { id: string; history: readonly HistoryEntry[]; meId: string | undefined; scenario: ScenarioSummary | undefined }) {
  const { t } = useTranslation();
  const lang = useLang();
  const lines = historyLines(history);
  return (
    <>
      <div className="table-head">
        <h3 id="history-heading">{t("History")}</h3>
        <CsvButton
          name={t("History of {{id}}", { id })}
          table={() => ({
            header: [t("When (UTC)"), t("What"), t("Who"), t("Details"), t("Ledger entry"), t("Final")],
            rows: history.map((e, i) => [
              formatUtcDateTime(e.at, lang),
              t(CLEARANCE_EVENTS[e.type] ?? e.type),
              actorText(e, meId, scenario, t),
              (lines[i] ?? []).map((l) => `${t("{{field}}:", { field: t(HISTORY_FIELDS[l.field] ?? l.field) })} ${valueText(l.value, t, lang)}`).join("; "),
              e.ledgerIndex,
              e.final ? t("yes") : t("no"),
            ]),
          })}
        />
      </div>
      <div className="table-scroll">
        <table className="data-table" aria-labelledby="history-heading" data-testid="history">
          <thead>
            <tr>
              <th scope="col">{t("When")}</th>
              <th scope="col">{t("What")}</th>
              <th scope="col">{t("Who")}</th>
              <th scope="col">{t("Details")}</th>
              <th scope="col">{t("Ledger entry")}</th>
            </tr>
          </thead>
          <tbody>
            {history.map((e, i) => (
              <tr key={`${e.version}-${e.ledgerIndex}`}>
                <td>
                  <DateTime iso={e.at} />
                </td>
                <th scope="row">{t(CLEARANCE_EVENTS[e.type] ?? e.type)}</th>
                <td>{actorText(e, meId, scenario, t)}</td>
                <td>
                  {(lines[i] ?? []).length > 0 && (
                    <ul className="plain-list">
                      {(lines[i] ?? []).map((l) => (
                        <li key={l.field}>{lineNode(l, t, lang)}</li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>
                  #{formatNumber(e.ledgerIndex, lang)} · {e.final ? t("final (cosigned by both parties)") : t("not yet cosigned by both parties")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
