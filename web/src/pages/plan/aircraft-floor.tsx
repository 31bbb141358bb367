/**
 * The aircraft's cargo floor seen from above, nose to the left: every pallet position (filled
 * when loaded on this leg, dashed when empty), the floor pieces, the seat zones, and under the
 * floor the mean aerodynamic chord with the balance limits and the centre of balance at their
 * stations. The tables beside the drawing give the same figures.
 */
import { useTranslation } from "react-i18next";
import type { SortieLoad } from "../../api/contract.ts";
import { formatNumber } from "../../i18n/format.ts";
import { useLang } from "../../i18n/use-lang.ts";
import { floorLayout } from "./load-geometry.ts";

type Model = NonNullable<SortieLoad["model"]>;
type LegPlan = NonNullable<SortieLoad["legs"][number]["plan"]>;

const MARGIN = 60;
const MAC_BAND = 150;

/** The drawing. `colours` gives each cargo line its colour; `palletCargo` the main line of each pallet. */
export function AircraftFloor({
  model,
  plan,
  floorWidthCm,
  colours,
  palletCargo,
}: {
  model: Model;
  plan: LegPlan;
  floorWidthCm: number | undefined;
  colours: ReadonlyMap<string, string>;
  palletCargo: ReadonlyMap<string, string>;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const layout = floorLayout(model, plan, floorWidthCm);
  const w = layout.widthCm;
  const x0 = layout.fromCm - MARGIN;
  const width = layout.toCm - layout.fromCm + 2 * MARGIN;
  const height = w + 2 * MARGIN + MAC_BAND;
  const macY = w + MARGIN + 40;
  const pct = (p: number) => model.lemacCm + (p / 100) * model.macCm;
  const fwd = pct(plan.forwardLimitPercentMac);
  const aft = pct(plan.aftLimitPercentMac);
  const font = Math.max(28, width / 80);

  return (
    <svg
      className="aircraft-floor"
      viewBox={`${x0} ${-MARGIN} ${width} ${height}`}
      role="img"
      aria-label={t("The cargo floor from above, nose to the left: {{loaded}} of {{positions}} pallet positions loaded, {{pieces}} pieces on the floor, centre of balance at {{cg}} %MAC. The tables give the same.", {
        loaded: plan.positions.length,
        positions: model.positions.length,
        pieces: plan.floor.length,
        cg: formatNumber(plan.cgPercentMac, lang, 1),
      })}
      data-testid="aircraft-floor"
    >
      <rect className="floor-outline" x={layout.fromCm} y={0} width={layout.toCm - layout.fromCm} height={w} />
      {model.floorZones.map((z) => (
        <g key={z.id}>
          <rect className="floor-zone" x={z.fromCm} y={(w - z.widthCm) / 2} width={z.toCm - z.fromCm} height={z.widthCm} />
          <text className="floor-text" x={z.fromCm + 10} y={w + font} fontSize={font}>
            {z.id}
          </text>
        </g>
      ))}
      {layout.positions.map((p) => {
        const what = p.pallet ?? p.item;
        const colour = p.pallet !== null ? colours.get(palletCargo.get(p.pallet) ?? "") : p.item !== null ? colours.get(p.item) : undefined;
        return (
          <g key={p.id} data-position={p.id}>
            <rect
              className={what === null ? "position-empty" : "position-loaded"}
              x={p.x0}
              y={p.y0}
              width={p.x1 - p.x0}
              height={p.y1 - p.y0}
              fill={what === null ? "none" : (colour ?? "#4a5563")}
            />
            <text className={what === null ? "floor-text" : "floor-text-light"} x={p.x0 + 10} y={p.y0 + font + 6} fontSize={font}>
              {p.id}
            </text>
            <title>{what === null ? t("Position {{id}}: empty", { id: p.id }) : t("Position {{id}}: {{what}}", { id: p.id, what })}</title>
          </g>
        );
      })}
      {layout.pieces.map((f, i) => (
        <g key={`${f.item}-${i}`}>
          <rect className={f.overflow ? "floor-piece floor-piece-overflow" : "floor-piece"} x={f.x0} y={f.y0} width={f.x1 - f.x0} height={f.y1 - f.y0} fill={colours.get(f.item) ?? "#4a5563"} />
          <text className="floor-text-light" x={f.x0 + 10} y={f.y0 + font + 6} fontSize={font}>
            {f.item}
          </text>
          <title>{t("Floor: {{item}}, stations {{from}} to {{to}} cm", { item: f.item, from: formatNumber(f.x0, lang), to: formatNumber(f.x1, lang) })}</title>
        </g>
      ))}
      {plan.seats.map((s) => {
        const zone = model.seatZones.find((z) => z.id === s.zone);
        if (zone === undefined) return null;
        return (
          <g key={s.zone}>
            <circle className="seat-mark" cx={zone.armCm} cy={w / 2} r={font * 0.6} />
            <text className="floor-text" x={zone.armCm + font} y={w / 2 + font / 3} fontSize={font}>
              {t("{{n}} seated ({{zone}})", { n: s.count, zone: s.zone })}
            </text>
          </g>
        );
      })}
      <text className="floor-text" x={layout.fromCm} y={-MARGIN / 3} fontSize={font}>
        {t("Nose")}
      </text>
      <text className="floor-text" x={layout.toCm} y={-MARGIN / 3} fontSize={font} textAnchor="end">
        {t("Tail (ramp)")}
      </text>
      <g transform={`translate(0,${macY})`}>
        <rect className="mac-band" x={model.lemacCm} y={0} width={model.macCm} height={font * 0.8} />
        <rect className="mac-allowed" x={fwd} y={0} width={Math.max(0, aft - fwd)} height={font * 0.8} />
        <line className="mac-limit" x1={fwd} x2={fwd} y1={-font * 0.4} y2={font * 1.2} />
        <line className="mac-limit" x1={aft} x2={aft} y1={-font * 0.4} y2={font * 1.2} />
        <path className="cg-mark" d={`M ${plan.cgStationCm} ${-font * 0.2} l ${-font * 0.6} ${-font} h ${font * 1.2} z`} />
        <text className="floor-text" x={model.lemacCm} y={font * 2.3} fontSize={font}>
          {t("MAC: {{from}} to {{to}} cm", { from: formatNumber(model.lemacCm, lang), to: formatNumber(model.lemacCm + model.macCm, lang) })}
        </text>
      </g>
    </svg>
  );
}
