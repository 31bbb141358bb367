/**
 * A pallet's build-up seen from the top (the 104 × 84 in usable surface) and from the side
 * (length against height), each piece in its cargo line's colour, with the pieces' places in a
 * table under the drawings.
 */
import { useTranslation } from "react-i18next";
import type { SortieLoad } from "../../api/contract.ts";
import { formatNumber, formatTonnes } from "../../i18n/format.ts";
import { useLang } from "../../i18n/use-lang.ts";
import { CsvButton } from "../../ui/csv-button.tsx";
import { TableRegion } from "../../ui/table-region.tsx";
import { buildUpViews, type PieceView, USABLE_LENGTH_CM, USABLE_WIDTH_CM } from "./load-geometry.ts";

type Pallet = SortieLoad["pallets"][number];

/** One pallet: its figures, both views and the table of pieces. */
export function PalletBuildUp({ pallet, colours, position }: { pallet: Pallet; colours: ReadonlyMap<string, string>; position: string | undefined }) {
  const { t } = useTranslation();
  const lang = useLang();
  const pieces = pallet.buildUp?.pieces ?? [];
  const views = buildUpViews(pieces);
  const tall = Math.max(views.heightCm, pallet.heightCm, 100);
  const view = (kind: "top" | "side", list: PieceView[], height: number) => (
    <svg
      className="pallet-view"
      viewBox={`-4 -4 ${USABLE_LENGTH_CM + 8} ${height + 8}`}
      role="img"
      aria-label={
        kind === "top"
          ? t("Pallet {{id}} from the top: {{n}} pieces on the 104 × 84 in surface.", { id: pallet.id, n: pieces.length })
          : t("Pallet {{id}} from the side: {{n}} pieces, {{height}} cm high.", { id: pallet.id, n: pieces.length, height: formatNumber(views.heightCm, lang) })
      }
    >
      <rect className="pallet-deck" x={0} y={kind === "top" ? 0 : height - 2} width={USABLE_LENGTH_CM} height={kind === "top" ? USABLE_WIDTH_CM : 2} />
      {list.map((p) => (
        <rect
          key={p.index}
          className="pallet-piece"
          x={p.a0}
          y={kind === "top" ? p.b0 : height - p.b1}
          width={p.a1 - p.a0}
          height={p.b1 - p.b0}
          fill={colours.get(p.cargo) ?? "#4a5563"}
        >
          <title>{p.cargo}</title>
        </rect>
      ))}
    </svg>
  );
  return (
    <article className="pallet" aria-labelledby={`pallet-${pallet.id}`} data-testid="pallet">
      <h4 id={`pallet-${pallet.id}`}>
        {position === undefined ? t("Pallet {{id}}", { id: pallet.id }) : t("Pallet {{id}} on position {{position}}", { id: pallet.id, position })}
      </h4>
      <p className="muted">
        {t("{{weight}} gross, {{height}} cm high", { weight: formatTonnes(pallet.grossWeightKg, lang), height: formatNumber(pallet.heightCm, lang) })} ·{" "}
        {pallet.items.map((i) => `${i.cargo} × ${formatNumber(i.quantity, lang)}`).join(", ")}
      </p>
      {pallet.buildUp === null ? (
        <p className="muted">{t("The plan gives no build-up for this pallet.")}</p>
      ) : (
        <>
          <div className="pallet-views">
            <figure>
              {view("top", views.top, USABLE_WIDTH_CM)}
              <figcaption>{t("From the top")}</figcaption>
            </figure>
            <figure>
              {view("side", views.side, tall)}
              <figcaption>{t("From the side")}</figcaption>
            </figure>
          </div>
          <details>
            <summary>{t("Where each piece sits ({{n}})", { n: pieces.length })}</summary>
            <CsvButton
              name={t("Pieces of pallet {{id}}", { id: pallet.id })}
              table={() => ({
                header: [t("Cargo"), "x (cm)", "y (cm)", "z (cm)", t("Length (cm)"), t("Width (cm)"), t("Height (cm)")],
                rows: pieces.map((p) => [p.cargo, p.x, p.y, p.z, p.l, p.w, p.h]),
              })}
            />
            <TableRegion label={t("Pieces of pallet {{id}}", { id: pallet.id })}>
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t("Cargo")}</th>
                    <th scope="col">x (cm)</th>
                    <th scope="col">y (cm)</th>
                    <th scope="col">z (cm)</th>
                    <th scope="col">{t("Length (cm)")}</th>
                    <th scope="col">{t("Width (cm)")}</th>
                    <th scope="col">{t("Height (cm)")}</th>
                  </tr>
                </thead>
                <tbody>
                  {pieces.map((p, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: pieces of one line are identical but for their place.
                    <tr key={i}>
                      <th scope="row">{p.cargo}</th>
                      <td>{formatNumber(p.x, lang, 1)}</td>
                      <td>{formatNumber(p.y, lang, 1)}</td>
                      <td>{formatNumber(p.z, lang, 1)}</td>
                      <td>{formatNumber(p.l, lang, 1)}</td>
                      <td>{formatNumber(p.w, lang, 1)}</td>
                      <td>{formatNumber(p.h, lang, 1)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          </details>
        </>
      )}
    </article>
  );
}
