/**
 * The checkpoints, newest first: the size of the log each one signs, its root, when the log
 * signed it, each party's cosignature (when, or still awaited) and whether it made its entries
 * final (both parties cosigned).
 */
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Checkpoint } from "../../api/contract.ts";
import { CsvButton } from "../../ui/csv-button.tsx";
import { DateTime } from "../../ui/date-time.tsx";
import { shortHash } from "./ledger-check.ts";
import { Pager, pageSlice } from "./pager.tsx";

const PAGE = 20;

/** A party of the Commission, as the scenario names it. */
export interface PartyName {
  readonly code: string;
  readonly name: string;
}

/** Seconds since the epoch as ISO text. */
export const isoOfSeconds = (s: number) => new Date(s * 1000).toISOString();

/** The table of checkpoints. */
export function CheckpointTable({ checkpoints, parties }: { checkpoints: readonly Checkpoint[]; parties: readonly PartyName[] }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(0);
  const newest = [...checkpoints].reverse();
  const { from, to } = pageSlice(page, newest.length, PAGE);
  const cosig = (c: Checkpoint, party: string) => c.cosignatures.find((x) => x.party === party);
  const name = t("Checkpoints");
  return (
    <>
      <div className="table-tools">
        <Pager label={name} page={page} total={newest.length} size={PAGE} onPage={setPage} />
        <CsvButton
          name={name}
          table={() => ({
            header: [t("Entries"), t("Root hash (base64)"), t("Signed (UTC)"), ...parties.map((p) => t("Cosigned by {{party}} (UTC)", { party: p.code })), t("Final")],
            rows: newest.map((c) => [
              c.treeSize,
              c.rootHash,
              c.createdAt,
              ...parties.map((p) => {
                const s = cosig(c, p.code);
                return s === undefined ? (c === newest[0] ? t("Awaiting") : t("Not cosigned")) : isoOfSeconds(s.timestamp);
              }),
              c.final ? t("Final") : t("Not final yet"),
            ]),
          })}
        />
      </div>
      <div className="table-scroll">
        <table className="data-table" data-testid="checkpoint-table">
          <caption className="visually-hidden">{name}</caption>
          <thead>
            <tr>
              <th scope="col">{t("Entries")}</th>
              <th scope="col">{t("Root hash")}</th>
              <th scope="col">{t("Signed by the log")}</th>
              {parties.map((p) => (
                <th scope="col" key={p.code}>
                  {t("Cosignature of {{party}}", { party: p.name })}
                </th>
              ))}
              <th scope="col">{t("Final")}</th>
            </tr>
          </thead>
          <tbody>
            {newest.slice(from, to).map((c) => (
              <tr key={c.treeSize} data-size={c.treeSize}>
                <th scope="row">{c.treeSize}</th>
                <td>
                  <code title={c.rootHash}>{shortHash(c.rootHash)}…</code>
                </td>
                <td>
                  <DateTime iso={c.createdAt} />
                </td>
                {parties.map((p) => {
                  const s = cosig(c, p.code);
                  return (
                    <td key={p.code} data-party={p.code}>
                      {s === undefined && c === newest[0] ? (
                        <span className="state-no">{t("Awaiting {{party}}", { party: p.code })}</span>
                      ) : s === undefined ? (
                        <span className="muted">{t("Not cosigned")}</span>
                      ) : (
                        <span className="state-yes">
                          {t("Cosigned")} <DateTime iso={isoOfSeconds(s.timestamp)} />
                        </span>
                      )}
                    </td>
                  );
                })}
                <td>
                  <span className={c.final ? "state-yes" : "state-no"}>{c.final ? t("Final") : t("Not final yet")}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
