/**
 * The record this report can be checked against: the ledger's latest final checkpoint (the
 * entries it covers, its root, both parties' cosignatures with their key IDs). Either party can
 * verify that checkpoint on the Ledger page or with `drawdown ledger verify`.
 */
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { Report } from "../../api/contract.ts";
import { formatNumber } from "../../i18n/format.ts";
import { useLang } from "../../i18n/use-lang.ts";
import { DateTime } from "../../ui/date-time.tsx";
import { ReportTable } from "./report-table.tsx";

/** The record section. */
export function ReportRecord({ ledger: l, parties }: { ledger: Report["ledger"]; parties: Report["parties"] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const id = useId();
  const f = l.latestFinal;
  const partyName = (code: string) => parties.find((p) => p.code === code)?.name ?? code;
  return (
    <section className="report-section report-record" aria-labelledby={id}>
      <h3 id={id}>{t("The record")}</h3>
      <p>
        {t("The ledger holds {{n}} entries; {{m}} are final (in a checkpoint both parties cosigned).", { n: formatNumber(l.size, lang), m: formatNumber(l.finalSize, lang) })}
      </p>
      {f === null ? (
        <p data-testid="report-checkpoint">{t("No checkpoint carries both parties' cosignatures yet.")}</p>
      ) : (
        <>
          <dl className="report-facts" data-testid="report-checkpoint">
            <dt>{t("Latest final checkpoint")}</dt>
            <dd>{t("Entries 0 to {{last}}", { last: f.treeSize - 1 })}</dd>
            <dt>{t("Root hash")}</dt>
            <dd>
              <code className="hash">{f.rootHash}</code>
            </dd>
            <dt>{t("Signed by the log")}</dt>
            <dd>
              <DateTime iso={f.createdAt} />
            </dd>
          </dl>
          <ReportTable
            name={t("Cosignatures")}
            testId="report-cosignatures"
            header={[t("Party"), t("Key name"), t("Key ID"), t("Cosigned")]}
            rows={f.cosignatures.map((c) => ({
              key: c.party,
              cells: [partyName(c.party), <code key="n">{c.keyName}</code>, <code key="k">{c.keyId}</code>, <DateTime key="t" iso={c.at} />],
              csv: [partyName(c.party), c.keyName, c.keyId, c.at],
            }))}
          />
          <p className="muted">{t("To check this report against the record: on the Ledger page, \"Verify here\" must find this root for this checkpoint, with both cosignatures valid under your party's key IDs.")}</p>
        </>
      )}
    </section>
  );
}
