/**
 * A sortie's load plan, in a dialog over the Gantt: for each loaded leg the aircraft's floor with
 * its positions, pallets, floor pieces and seats; the centre of balance on the %MAC scale with the
 * limits and margins; and each pallet's build-up from the top and the side. Every drawing has its
 * figures in a table too, each exportable as CSV.
 */
import { useQuery } from "@tanstack/react-query";
import { Button, Dialog, Heading, Modal, ModalOverlay, Tab, TabList, TabPanel, Tabs } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { useApi } from "../../api/api-context.tsx";
import type { SortieLoad } from "../../api/contract.ts";
import { formatNumber, formatTonnes } from "../../i18n/format.ts";
import { useLang } from "../../i18n/use-lang.ts";
import { CsvButton } from "../../ui/csv-button.tsx";
import { TableRegion } from "../../ui/table-region.tsx";
import { DateTime } from "../../ui/date-time.tsx";
import { Loading } from "../../ui/loading.tsx";
import { ProblemMessage } from "../../ui/problem-message.tsx";
import { AircraftFloor } from "./aircraft-floor.tsx";
import { BalanceScale } from "./balance-scale.tsx";
import { cargoColours } from "./load-geometry.ts";
import { PalletBuildUp } from "./pallet-build-up.tsx";
import { MODEL_PARTS } from "./plan-words.ts";

type Leg = SortieLoad["legs"][number];

/** The dialog, open while `sortie` is set. */
export function LoadPlanDialog({ versionId, sortie, siteName, onClose }: { versionId: string; sortie: string | null; siteName: (id: string) => string; onClose: () => void }) {
  return (
    <ModalOverlay className="modal-overlay" isOpen={sortie !== null} onOpenChange={(open) => !open && onClose()} isDismissable>
      <Modal className="modal">
        <Dialog className="load-dialog" data-testid="load-plan">
          {sortie !== null && <LoadPlanBody versionId={versionId} sortie={sortie} siteName={siteName} onClose={onClose} />}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

function LoadPlanBody({ versionId, sortie, siteName, onClose }: { versionId: string; sortie: string; siteName: (id: string) => string; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const load = useQuery({
    queryKey: ["sortie-load", versionId, sortie],
    queryFn: ({ signal }) => api.get<SortieLoad>(`/api/plans/${encodeURIComponent(versionId)}/sorties/${encodeURIComponent(sortie)}/load`, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const close = (
    <Button className="button dialog-close" onPress={onClose}>
      {t("Close")}
    </Button>
  );
  if (load.isPending)
    return (
      <>
        <Heading slot="title">{t("Load plan of sortie {{id}}", { id: sortie })}</Heading>
        <Loading />
        {close}
      </>
    );
  if (load.isError)
    return (
      <>
        <Heading slot="title">{t("Load plan of sortie {{id}}", { id: sortie })}</Heading>
        <ProblemMessage error={load.error} onRetry={() => void load.refetch()} />
        {close}
      </>
    );
  const l = load.data;
  const colours = cargoColours(l.cargo.map((c) => c.id));
  return (
    <>
      <div className="dialog-header">
        <Heading slot="title">{t("Load plan of sortie {{id}}", { id: l.sortie.id })}</Heading>
        {close}
      </div>
      <p className="subtitle">
        {t("{{aircraft}}, {{type}}", { aircraft: l.sortie.aircraft, type: l.sortie.typeName })}
      </p>
      {l.legs.length === 0 ? (
        <p>{t("This sortie carries no load: it positions the aircraft.")}</p>
      ) : l.legs.length === 1 && l.legs[0] !== undefined ? (
        <LegLoad load={l} leg={l.legs[0]} colours={colours} siteName={siteName} />
      ) : (
        <Tabs className="tabs">
          <TabList aria-label={t("Legs")} className="tab-list">
            {l.legs.map((leg) => (
              <Tab key={leg.index} id={String(leg.index)} className="tab">
                {siteName(leg.from)} → {siteName(leg.to)}
              </Tab>
            ))}
          </TabList>
          {l.legs.map((leg) => (
            <TabPanel key={leg.index} id={String(leg.index)} className="tab-panel">
              <LegLoad load={l} leg={leg} colours={colours} siteName={siteName} />
            </TabPanel>
          ))}
        </Tabs>
      )}
      {l.model !== null && l.model.assumptions.length > 0 && (
        <p className="muted" data-testid="model-assumptions">
          {t("Assumptions of this type's load model: {{parts}}. See data/aircraft-types.json for each figure's rationale.", {
            parts: l.model.assumptions.map((a) => t(MODEL_PARTS[a] ?? a)).join(", "),
          })}
        </p>
      )}
    </>
  );
}

function LegLoad({ load: l, leg, colours, siteName }: { load: SortieLoad; leg: Leg; colours: ReadonlyMap<string, string>; siteName: (id: string) => string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const plan = leg.plan;
  const pallets = new Map(l.pallets.map((p) => [p.id, p]));
  const cargo = new Map(l.cargo.map((c) => [c.id, c]));
  const palletCargo = new Map(l.pallets.map((p) => [p.id, [...p.items].sort((a, b) => b.quantity - a.quantity)[0]?.cargo ?? ""]));
  const positionOf = new Map((plan?.positions ?? []).flatMap((p) => (p.pallet === null ? [] : [[p.pallet, p.position] as const])));
  const describe = (id: string) => cargo.get(id)?.description ?? id;
  const people = leg.passengers.reduce((n, p) => n + p.count, 0);
  return (
    <section className="leg-load" aria-label={t("{{from}} to {{to}}", { from: siteName(leg.from), to: siteName(leg.to) })}>
      <p>
        {t("{{from}} → {{to}}", { from: siteName(leg.from), to: siteName(leg.to) })} · <DateTime iso={leg.departAt} /> ·{" "}
        {t("payload {{weight}}, {{pallets}} pallets, {{people}} passengers", { weight: formatTonnes(leg.payloadKg, lang), pallets: leg.pallets.length, people })}
      </p>
      {plan === null || l.model === null ? (
        <p className="muted">{t("This aircraft type has no load model: no positions or balance to show.")}</p>
      ) : (
        <>
          <h3>{t("Floor and positions")}</h3>
          <AircraftFloor model={l.model} plan={plan} floorWidthCm={l.cargoFloor?.widthCm} colours={colours} palletCargo={palletCargo} />
          {plan.floor.length > 0 && <p className="muted">{t("The plan gives floor pieces their stations, not their place across the floor: they are drawn side by side.")}</p>}
          <ul className="legend" aria-label={t("Cargo lines")}>
            {l.cargo.map((c) => (
              <li key={c.id}>
                <span className="swatch swatch-area" style={{ background: colours.get(c.id) }} /> {c.id}: {c.description}
              </li>
            ))}
          </ul>
          <h3>{t("Balance")}</h3>
          <BalanceScale plan={plan} />
          <p>
            {t("Load {{load}}, gross weight {{gross}} (operating weight {{operating}}); centre of balance at station {{station}} cm.", {
              load: formatTonnes(plan.totalKg, lang),
              gross: formatTonnes(plan.grossKg, lang),
              operating: formatTonnes(l.model.operating.weightKg, lang),
              station: formatNumber(plan.cgStationCm, lang),
            })}
          </p>
          <div className="columns">
            <section aria-labelledby={`positions-${leg.index}`}>
              <div className="table-head">
                <h3 id={`positions-${leg.index}`}>{t("Positions")}</h3>
                <CsvButton
                  name={t("Positions of sortie {{id}}", { id: l.sortie.id })}
                  table={() => ({
                    header: [t("Position"), t("Station (cm)"), t("Holds"), t("Weight (kg)"), t("Height (cm)"), t("Limit (kg)")],
                    rows: l.model?.positions.map((p) => {
                      const h = plan.positions.find((x) => x.position === p.id);
                      return [p.id, p.stationCm, h?.pallet ?? h?.item ?? "", h?.weightKg ?? "", h?.heightCm ?? "", p.maxWeightKg];
                    }) ?? [],
                  })}
                />
              </div>
              <TableRegion label={t("Positions")}>
                <table className="data-table" data-testid="positions-table">
                  <thead>
                    <tr>
                      <th scope="col">{t("Position")}</th>
                      <th scope="col">{t("Station (cm)")}</th>
                      <th scope="col">{t("Holds")}</th>
                      <th scope="col">{t("Weight")}</th>
                      <th scope="col">{t("Height (cm)")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {l.model.positions.map((p) => {
                      const h = plan.positions.find((x) => x.position === p.id);
                      return (
                        <tr key={p.id}>
                          <th scope="row">{p.id}</th>
                          <td>{formatNumber(p.stationCm, lang)}</td>
                          <td>{h === undefined ? <span className="muted">{t("empty")}</span> : (h.pallet ?? `${h.item ?? ""} (${describe(h.item ?? "")})`)}</td>
                          <td>{h === undefined ? "—" : formatTonnes(h.weightKg, lang)}</td>
                          <td>{h === undefined ? "—" : formatNumber(h.heightCm, lang)}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </TableRegion>
            </section>
            <section aria-labelledby={`floor-${leg.index}`}>
              <div className="table-head">
                <h3 id={`floor-${leg.index}`}>{t("Floor, seats and people")}</h3>
                <CsvButton
                  name={t("Floor and seats of sortie {{id}}", { id: l.sortie.id })}
                  table={() => ({
                    header: [t("What"), t("Cargo or zone"), t("From station (cm)"), t("To station (cm)"), t("Weight (kg)"), t("Count")],
                    rows: [
                      ...plan.floor.map((f) => [t("Floor"), f.item, f.fromCm, f.toCm, f.weightKg, 1]),
                      ...plan.seats.map((s) => [t("Seats"), s.zone, "", "", "", s.count]),
                      ...leg.passengers.map((p) => [t("Passengers"), `${p.group} (${p.unit})`, "", "", "", p.count]),
                    ],
                  })}
                />
              </div>
              <TableRegion label={t("Floor, seats and people")}>
                <table className="data-table" data-testid="floor-table">
                  <thead>
                    <tr>
                      <th scope="col">{t("What")}</th>
                      <th scope="col">{t("Where")}</th>
                      <th scope="col">{t("Weight or count")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {plan.floor.map((f, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: identical pieces differ only by their place.
                      <tr key={`f${i}`}>
                        <th scope="row">
                          {f.item} <span className="muted">({describe(f.item)})</span>
                        </th>
                        <td>{t("stations {{from}} to {{to}} cm", { from: formatNumber(f.fromCm, lang), to: formatNumber(f.toCm, lang) })}</td>
                        <td>{formatTonnes(f.weightKg, lang)}</td>
                      </tr>
                    ))}
                    {plan.seats.map((s) => (
                      <tr key={`s${s.zone}`}>
                        <th scope="row">{t("Seats")}</th>
                        <td>{s.zone}</td>
                        <td>{formatNumber(s.count, lang)}</td>
                      </tr>
                    ))}
                    {leg.passengers.map((p) => (
                      <tr key={`p${p.group}`}>
                        <th scope="row">{t("Passengers")}</th>
                        <td>{p.unit}</td>
                        <td>{formatNumber(p.count, lang)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableRegion>
            </section>
          </div>
        </>
      )}
      {leg.pallets.length > 0 && (
        <>
          <h3>{t("Pallets ({{n}})", { n: leg.pallets.length })}</h3>
          <div className="pallets">
            {leg.pallets.map((id) => {
              const p = pallets.get(id);
              return p === undefined ? null : <PalletBuildUp key={id} pallet={p} colours={colours} position={positionOf.get(id)} />;
            })}
          </div>
        </>
      )}
    </section>
  );
}
