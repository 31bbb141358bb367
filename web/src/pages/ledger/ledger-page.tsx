/**
 * Ledger: the Commission's tamper-evident record. Every decision is an entry (a leaf); the server
 * signs a checkpoint after each, each party's commission member cosigns it, and an entry is final
 * once a checkpoint that includes it carries both cosignatures. "Verify here" checks it all in
 * this browser.
 */
import { useTranslation } from "react-i18next";
import type { ScenarioSummary } from "../../api/contract.ts";
import { useScenario } from "../../api/use-scenario.ts";
import { formatNumber } from "../../i18n/format.ts";
import { useLang } from "../../i18n/use-lang.ts";
import { useMe } from "../../session/session.ts";
import { Loading } from "../../ui/loading.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { ProblemMessage } from "../../ui/problem-message.tsx";
import { CheckpointTable, type PartyName } from "./checkpoint-table.tsx";
import { CosignLatest } from "./cosign-latest.tsx";
import { EntryTable } from "./entry-table.tsx";
import { useCheckpoints, useEntries } from "./use-ledger.ts";
import { VerifyPanel } from "./verify-panel.tsx";
import "./ledger.css";

/** The departing party first, then the host. */
function partiesOf(s: ScenarioSummary | undefined): PartyName[] {
  const ps = [...(s?.parties ?? [])].sort((a, b) => (a.role === b.role ? 0 : a.role === "departing" ? -1 : 1));
  return ps.map((p) => ({ code: p.code, name: p.name }));
}

/** The Ledger page. */
export function LedgerPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const scenario = useScenario();
  const checkpoints = useCheckpoints();
  const entries = useEntries();
  const parties = partiesOf(scenario.data);
  const header = (
    <PageHeader title={t("Ledger")}>
      <p className="subtitle">{t("Every decision, in order, in a record both parties cosign")}</p>
    </PageHeader>
  );
  // The header stays at one place in the tree in every state, so the focus it takes on arrival stays.
  if (checkpoints.isPending || entries.isPending || scenario.isPending)
    return (
      <div className="ledger">
        {header}
        <Loading />
      </div>
    );
  const error = checkpoints.error ?? entries.error ?? scenario.error;
  if (error !== null || checkpoints.data === undefined || entries.data === undefined)
    return (
      <div className="ledger">
        {header}
        <ProblemMessage error={error} onRetry={() => void Promise.all([checkpoints.refetch(), entries.refetch(), scenario.refetch()])} />
      </div>
    );
  const list = checkpoints.data.items;
  const finalSize = checkpoints.data.finalSize;
  return (
    <div className="ledger">
      {header}
      <dl className="figures">
        <div className="figure" data-testid="entry-count">
          <dt>{t("Entries")}</dt>
          <dd>
            <span className="figure-value">{formatNumber(entries.data.size, lang)}</span>
          </dd>
        </div>
        <div className="figure" data-testid="final-count">
          <dt>{t("Final entries")}</dt>
          <dd>
            <span className="figure-value">{formatNumber(finalSize, lang)}</span>
            <span className="figure-detail">{t("in a checkpoint both parties cosigned")}</span>
          </dd>
        </div>
        <div className="figure" data-testid="checkpoint-count">
          <dt>{t("Checkpoints")}</dt>
          <dd>
            <span className="figure-value">{formatNumber(list.length, lang)}</span>
          </dd>
        </div>
      </dl>
      <section className="panel" aria-labelledby="checkpoints-heading">
        <h2 id="checkpoints-heading">{t("Checkpoints and cosignatures")}</h2>
        <CosignLatest latest={list.at(-1)} parties={parties} myParty={me.data?.party.code ?? ""} finalSize={finalSize} />
        <CheckpointTable checkpoints={list} parties={parties} />
      </section>
      <section className="panel" aria-labelledby="verify-heading">
        <h2 id="verify-heading">{t("Verify here")}</h2>
        <VerifyPanel parties={parties} />
      </section>
      <section className="panel" aria-labelledby="entries-heading">
        <h2 id="entries-heading">{t("Entries")}</h2>
        <EntryTable leaves={entries.data.items} />
      </section>
    </div>
  );
}
