/**
 * "Verify here": this browser fetches the entries, checkpoints, proofs and public keys, and
 * checks them itself (WebCrypto SHA-256 and Ed25519; see `ledger-check.ts`). It shows the verdict,
 * the first bad entry if any, each checkpoint's checks, and the keys it used, for people to
 * compare with the key IDs their party holds.
 */
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { useApi } from "../../api/api-context.tsx";
import { formatNumber } from "../../i18n/format.ts";
import { useLang } from "../../i18n/use-lang.ts";
import { CsvButton } from "../../ui/csv-button.tsx";
import { DateTime } from "../../ui/date-time.tsx";
import { ProblemMessage } from "../../ui/problem-message.tsx";
import type { PartyName } from "./checkpoint-table.tsx";
import { isoOfSeconds } from "./checkpoint-table.tsx";
import { type CheckpointCheck, type CheckProgress, checkLedger, type LedgerCheck } from "./ledger-check.ts";
import { fetchSnapshot, proofsFrom } from "./ledger-source.ts";
import { problemWords } from "./ledger-words.ts";

/** The panel. */
export function VerifyPanel({ parties }: { parties: readonly PartyName[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const api = useApi();
  const [progress, setProgress] = useState<CheckProgress | null>(null);
  const run = useMutation({
    mutationFn: async (): Promise<LedgerCheck & { serverFinalSize: number }> => {
      setProgress(null);
      const snapshot = await fetchSnapshot(api);
      const result = await checkLedger(snapshot, proofsFrom(api), setProgress);
      return { ...result, serverFinalSize: snapshot.serverFinalSize };
    },
  });
  const r = run.data;
  return (
    <div className="verify">
      <p>{t("Your browser recomputes every entry's hash, the root of every checkpoint, the server's inclusion and consistency proofs, and every signature and cosignature, with its own code: it trusts none of the server's answers.")}</p>
      <Button className="button button-primary" onPress={() => run.mutate()} isDisabled={run.isPending}>
        {run.isPending ? t("Verifying…") : r === undefined ? t("Verify here") : t("Verify again")}
      </Button>
      <div aria-live="polite" className="verify-status">
        {run.isPending && (
          <p className="muted" data-testid="verify-progress">
            {progress === null
              ? t("Fetching the ledger…")
              : progress.phase === "leaves"
                ? t("Checking entries: {{done}} of {{total}}", { done: formatNumber(progress.done, lang), total: formatNumber(progress.total, lang) })
                : t("Checking checkpoints: {{done}} of {{total}}", { done: formatNumber(progress.done, lang), total: formatNumber(progress.total, lang) })}
          </p>
        )}
        {r !== undefined && !run.isPending && <Verdict result={r} />}
      </div>
      {run.error !== null && <ProblemMessage error={run.error} onRetry={() => run.mutate()} />}
      {r !== undefined && !run.isPending && (
        <>
          <h3>{t("Each checkpoint, checked here")}</h3>
          <CheckTable checks={r.checkpoints} parties={parties} />
          <h3>{t("Keys used")}</h3>
          <p className="muted">{t("Compare these key IDs with the ones your party holds: a different key means a different log.")}</p>
          <div className="table-tools">
            <CsvButton
              name={t("Keys used")}
              table={() => ({
                header: [t("Key"), t("Name"), t("Key ID")],
                rows: r.keys.map((k) => [k.role === "log" ? t("The log's signing key") : t("Cosigning key of {{party}}", { party: k.name }), k.name, k.keyId]),
              })}
            />
          </div>
          <table className="data-table key-table" data-testid="key-table">
            <thead>
              <tr>
                <th scope="col">{t("Key")}</th>
                <th scope="col">{t("Name")}</th>
                <th scope="col">{t("Key ID")}</th>
              </tr>
            </thead>
            <tbody>
              {r.keys.map((k) => (
                <tr key={`${k.role}-${k.name}`}>
                  <th scope="row">{k.role === "log" ? t("The log's signing key") : t("Cosigning key of {{party}}", { party: k.name })}</th>
                  <td>
                    <code>{k.name}</code>
                  </td>
                  <td>
                    <code>{k.keyId}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}

/** The verdict in words: all good, or the first bad entry and the rest. */
function Verdict({ result: r }: { result: LedgerCheck & { serverFinalSize: number } }) {
  const { t } = useTranslation();
  const lang = useLang();
  const say = (p: (typeof r.problems)[number]) => {
    const w = problemWords(p);
    return t(w.key, w.values);
  };
  if (r.ok)
    return (
      <div className="verify-result verify-ok" data-testid="verify-result" data-ok="true">
        <p>
          <strong>{t("Verified in this browser.")}</strong>{" "}
          {t("{{entries}} entries and {{checkpoints}} checkpoints: every hash, root, proof, signature and cosignature is right.", {
            entries: formatNumber(r.leaves, lang),
            checkpoints: formatNumber(r.checkpoints.length, lang),
          })}{" "}
          {r.finalSize > 0 ? t("Entries 0 to {{last}} are final: both parties' cosignatures verified.", { last: r.finalSize - 1 }) : t("No checkpoint carries both parties' cosignatures yet.")}
        </p>
        {r.finalSize !== r.serverFinalSize && <p>{t("The server says {{n}} entries are final; this browser finds {{m}}.", { n: r.serverFinalSize, m: r.finalSize })}</p>}
      </div>
    );
  return (
    <div className="verify-result verify-bad" data-testid="verify-result" data-ok="false" role="alert">
      <p>
        <strong>{t("Verification failed.")}</strong> {r.firstBad === undefined ? null : t("First bad entry: {{problem}}", { problem: say(r.firstBad) })}
      </p>
      <details>
        <summary>{t("Every problem found ({{n}})", { n: r.problems.length })}</summary>
        <ul className="plain-list" data-testid="verify-problems">
          {r.problems.slice(0, 50).map((p) => (
            <li key={`${p.kind}-${p.at}-${p.party ?? ""}`}>{say(p)}</li>
          ))}
        </ul>
      </details>
    </div>
  );
}

/** Each checkpoint's checks, newest first. */
function CheckTable({ checks, parties }: { checks: readonly CheckpointCheck[]; parties: readonly PartyName[] }) {
  const { t } = useTranslation();
  const word = (ok: boolean | null | undefined) => (ok === null || ok === undefined ? t("Not checked") : ok ? t("Valid") : t("Fails"));
  const cls = (ok: boolean | null | undefined) => (ok === null || ok === undefined ? "muted" : ok ? "state-yes" : "state-bad");
  const newest = [...checks].reverse();
  const cosig = (c: CheckpointCheck, party: string) => c.cosignatures.find((x) => x.party === party);
  const cosigWord = (c: CheckpointCheck, party: string) => {
    const s = cosig(c, party);
    return s === undefined ? t("Not cosigned") : s.time === null ? t("Fails") : t("Valid");
  };
  const name = t("Checkpoint checks");
  return (
    <>
      <div className="table-tools">
        <CsvButton
          name={name}
          table={() => ({
            header: [t("Entries"), t("Signed by the log"), t("Root from the entries"), t("Inclusion proof"), t("Consistency proof"), ...parties.map((p) => t("Cosignature of {{party}}", { party: p.code })), t("Result")],
            rows: newest.map((c) => [
              c.size,
              word(c.logSignature),
              word(c.rootMatches),
              word(c.inclusion?.ok),
              word(c.consistency?.ok),
              ...parties.map((p) => cosigWord(c, p.code)),
              c.ok ? t("Valid") : t("Fails"),
            ]),
          })}
        />
      </div>
      <div className="table-scroll check-scroll" role="region" aria-label={name} tabIndex={0}>
        <table className="data-table" data-testid="check-table">
          <thead>
            <tr>
              <th scope="col">{t("Entries")}</th>
              <th scope="col">{t("Signed by the log")}</th>
              <th scope="col">{t("Root from the entries")}</th>
              <th scope="col">{t("Inclusion proof")}</th>
              <th scope="col">{t("Consistency proof")}</th>
              {parties.map((p) => (
                <th scope="col" key={p.code}>
                  {t("Cosignature of {{party}}", { party: p.code })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {newest.map((c) => (
              <tr key={c.size} data-size={c.size} data-ok={c.ok}>
                <th scope="row">{c.size}</th>
                <td className={cls(c.logSignature)}>{word(c.logSignature)}</td>
                <td className={cls(c.rootMatches)}>{word(c.rootMatches)}</td>
                <td className={cls(c.inclusion?.ok)}>{word(c.inclusion?.ok)}</td>
                <td className={cls(c.consistency?.ok)}>{word(c.consistency?.ok)}</td>
                {parties.map((p) => {
                  const s = cosig(c, p.code);
                  return (
                    <td key={p.code} data-party={p.code} className={s === undefined ? "muted" : cls(s.time !== null)}>
                      {cosigWord(c, p.code)}
                      {s !== undefined && s.time !== null && (
                        <>
                          {" "}
                          <DateTime iso={isoOfSeconds(s.time)} />
                        </>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
