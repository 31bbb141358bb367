/**
 * The requests as a table (React Aria's: arrow keys move between rows, Enter or a click opens a
 * request, Space selects it): sortable by each column, and — for those who may submit — rows
 * selectable for a bulk submission (only drafts can be selected).
 */
import { Cell, Checkbox, Column, Row, type Selection, type SortDescriptor, Table, TableBody, TableHeader } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { countryName } from "../../i18n/format.ts";
import { useLang } from "../../i18n/use-lang.ts";
import { DateTime } from "../../ui/date-time.tsx";
import type { SortColumn } from "./clearance-filter.ts";
import type { ClearanceView } from "./clearance-view.ts";
import { CLEARANCE_KINDS, CLEARANCE_STATUSES } from "./clearance-words.ts";
import type { LeadTimeThresholds } from "./lead-time.ts";
import { leadTimeWarning } from "./lead-time.ts";
import { LeadTimeLabel } from "./lead-time-label.tsx";

/** What the table shows and how it reports the reader's choices. */
export interface ClearanceTableProps {
  readonly views: readonly ClearanceView[];
  /** Rows can be selected (the caller may submit); only those in `selectableIds`. */
  readonly selectable: boolean;
  readonly selectableIds: ReadonlySet<string>;
  readonly selected: Selection;
  readonly onSelectionChange: (s: Selection) => void;
  readonly sort: { column: SortColumn; direction: "ascending" | "descending" };
  readonly onSortChange: (s: { column: SortColumn; direction: "ascending" | "descending" }) => void;
  readonly onOpen: (id: string) => void;
  readonly now: number | undefined;
  readonly thresholds: LeadTimeThresholds | undefined;
}

function SelectBox() {
  return (
    <Checkbox slot="selection" className="checkbox">
      {({ isSelected, isIndeterminate }) => (
        <span className="checkbox-box" aria-hidden="true">
          {isIndeterminate ? "–" : isSelected ? "✓" : ""}
        </span>
      )}
    </Checkbox>
  );
}

function SortableColumn({ id, label, rowHeader = false }: { id: SortColumn; label: string; rowHeader?: boolean }) {
  return (
    <Column id={id} allowsSorting isRowHeader={rowHeader} textValue={label}>
      {({ sortDirection }) => (
        <span className="sortable">
          {label}
          <span aria-hidden="true" className="sort-mark">
            {sortDirection === "ascending" ? " ▲" : sortDirection === "descending" ? " ▼" : ""}
          </span>
        </span>
      )}
    </Column>
  );
}

/** The table of requests. */
export function ClearanceTable(p: ClearanceTableProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const disabled = p.views.filter((v) => !p.selectableIds.has(v.request.id)).map((v) => v.request.id);
  const sortDescriptor: SortDescriptor = { column: p.sort.column, direction: p.sort.direction };
  return (
    <div className="table-scroll">
      <Table
        aria-label={t("Clearance requests")}
        className="data-table clearance-table"
        data-testid="clearance-table"
        selectionMode={p.selectable ? "multiple" : "none"}
        selectedKeys={p.selected}
        onSelectionChange={p.onSelectionChange}
        disabledKeys={disabled}
        disabledBehavior="selection"
        sortDescriptor={sortDescriptor}
        onSortChange={(d) => p.onSortChange({ column: d.column as SortColumn, direction: d.direction })}
        onRowAction={(key) => p.onOpen(String(key))}
      >
        <TableHeader>
          {p.selectable && (
            <Column className="select-column" textValue={t("Select")}>
              <SelectBox />
            </Column>
          )}
          <SortableColumn id="request" label={t("Request")} rowHeader />
          <SortableColumn id="status" label={t("State")} />
          <SortableColumn id="country" label={t("Country")} />
          <SortableColumn id="kind" label={t("Kind")} />
          <SortableColumn id="aircraft" label={t("Aircraft")} />
          <SortableColumn id="flight" label={t("Flight")} />
          <SortableColumn id="fileBy" label={t("File by")} />
          <Column id="warning" textValue={t("Lead time")}>
            {t("Lead time")}
          </Column>
          <Column id="decision" textValue={t("Decision")}>
            {t("Decision")}
          </Column>
        </TableHeader>
        <TableBody items={p.views} dependencies={[p.selectable, p.now === undefined, Math.floor((p.now ?? 0) / 60_000), p.thresholds, lang, t]} renderEmptyState={() => <p className="muted">{t("No request matches these filters.")}</p>}>
          {(v) => {
            const r = v.request;
            const warning = p.now === undefined ? undefined : leadTimeWarning(v, p.now, p.thresholds);
            return (
              <Row id={r.id} className={`clearance-row status-${r.status}`} textValue={`${v.source?.sortie ?? ""} ${r.id}`}>
                {p.selectable && (
                  <Cell>
                    <SelectBox />
                  </Cell>
                )}
                <Cell>
                  <span className="row-link">
                    {v.source?.sortie !== undefined && <>{v.source.sortie} · </>}
                    {r.id}
                  </span>
                </Cell>
                <Cell>
                  <span className={`state state-${r.status}`}>{t(CLEARANCE_STATUSES[r.status] ?? r.status)}</span>
                </Cell>
                <Cell>{countryName(r.country, lang)}</Cell>
                <Cell>{t(CLEARANCE_KINDS[r.kind] ?? r.kind)}</Cell>
                <Cell>
                  {v.details.aircraft.type} {v.details.aircraft.callSign ?? <span className="muted">{t("no call sign")}</span>}
                </Cell>
                <Cell>{v.details.firstAt === "" ? "—" : <DateTime iso={v.details.firstAt} />}</Cell>
                <Cell>{v.source === undefined ? "—" : <DateTime iso={v.source.latestFilingAt} />}</Cell>
                <Cell>
                  <LeadTimeLabel warning={warning} short />
                </Cell>
                <Cell>{v.clearance?.number ?? (v.denial === undefined ? "" : t("Denied: {{reason}}", { reason: v.denial.reason }))}</Cell>
              </Row>
            );
          }}
        </TableBody>
      </Table>
    </div>
  );
}
