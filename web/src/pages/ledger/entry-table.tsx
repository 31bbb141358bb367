/**
 * The ledger's entries in order: each leaf's decision, object, actor, party, time and whether it
 * is final (in a checkpoint both parties cosigned), fifty to a page, opening on the latest.
 */
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { LedgerLeaf } from "../../api/contract.ts";
import { CsvButton } from "../../ui/csv-button.tsx";
import { DateTime } from "../../ui/date-time.tsx";
import { entryOf } from "./ledger-entry.ts";
import { DECISION_KINDS, OBJECT_KINDS } from "./ledger-words.ts";
import { Pager, pageSlice } from "./pager.tsx";

const PAGE = 50;

/** The table of entries. */
export function EntryTable({ leaves }: { leaves: readonly LedgerLeaf[] }) {
  const { t } = useTranslation();
  const entries = useMemo(() => leaves.map(entryOf), [leaves]);
  const last = Math.max(0, Math.ceil(entries.length / PAGE) - 1);
  const [page, setPage] = useState<number | null>(null);
  const shown = page ?? last;
  const { from, to } = pageSlice(shown, entries.length, PAGE);
  const kind = (type: string) => (type === "" ? t("Unreadable entry") : t(DECISION_KINDS[type] ?? type));
  const object = (type: string) => t(OBJECT_KINDS[type] ?? type);
  const yesNo = (b: boolean) => (b ? t("Final") : t("Not final yet"));
  const name = t("Ledger entries");
  return (
    <>
      <div className="table-tools">
        <Pager label={name} page={shown} total={entries.length} size={PAGE} onPage={setPage} />
        <CsvButton
          name={name}
          table={() => ({
            header: [t("Entry"), t("Decision"), t("Object"), t("Object id"), t("Actor"), t("Party"), t("Time (UTC)"), t("Final")],
            rows: entries.map((e) => [e.index, kind(e.type), object(e.objectType), e.objectId, e.actorId, e.party, e.at, yesNo(e.final)]),
          })}
        />
      </div>
      <div className="table-scroll">
        <table className="data-table" data-testid="entry-table">
          <caption className="visually-hidden">{name}</caption>
          <thead>
            <tr>
              <th scope="col">{t("Entry")}</th>
              <th scope="col">{t("Decision")}</th>
              <th scope="col">{t("Object")}</th>
              <th scope="col">{t("Actor")}</th>
              <th scope="col">{t("Party")}</th>
              <th scope="col">{t("Time")}</th>
              <th scope="col">{t("Final")}</th>
            </tr>
          </thead>
          <tbody>
            {entries.slice(from, to).map((e) => (
              <tr key={e.index} data-entry={e.index}>
                <th scope="row">{e.index}</th>
                <td>{kind(e.type)}</td>
                <td>
                  {object(e.objectType)} <code>{e.objectId}</code>
                </td>
                <td>
                  <code>{e.actorId}</code>
                </td>
                <td>{e.party}</td>
                <td>{e.at === "" ? "—" : <DateTime iso={e.at} />}</td>
                <td>
                  <span className={e.final ? "state-yes" : "state-no"}>{yesNo(e.final)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
