/**
 * The centre of balance on the %MAC scale: the allowed band between the forward and aft limits
 * (at the leg's gross weight), the centre of balance, and the margin to each limit in words.
 */
import { scaleLinear } from "d3-scale";
import { useTranslation } from "react-i18next";
import type { SortieLoad } from "../../api/contract.ts";
import { formatNumber } from "../../i18n/format.ts";
import { useLang } from "../../i18n/use-lang.ts";
import { macScaleDomain } from "./load-geometry.ts";

type LegPlan = NonNullable<SortieLoad["legs"][number]["plan"]>;

const WIDTH = 640;
const HEIGHT = 96;
const PAD = 28;

/** The scale and its figures. */
export function BalanceScale({ plan }: { plan: LegPlan }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [lo, hi] = macScaleDomain(plan);
  const x = scaleLinear().domain([lo, hi]).range([PAD, WIDTH - PAD]);
  const inside = plan.forwardMarginPercentMac >= 0 && plan.aftMarginPercentMac >= 0;
  const pct = (n: number) => `${formatNumber(n, lang, 1)} %`;
  return (
    <figure className="balance-scale" data-testid="balance-scale">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={t("Centre of balance {{cg}} %MAC; limits {{fwd}} to {{aft}} %MAC at this gross weight.", {
          cg: formatNumber(plan.cgPercentMac, lang, 1),
          fwd: formatNumber(plan.forwardLimitPercentMac, lang, 1),
          aft: formatNumber(plan.aftLimitPercentMac, lang, 1),
        })}
      >
        <line className="mac-axis" x1={PAD} x2={WIDTH - PAD} y1={50} y2={50} />
        {x.ticks(8).map((v) => (
          <g key={v} transform={`translate(${x(v)},50)`}>
            <line className="mac-axis" y1={0} y2={6} />
            <text className="mac-tick" y={20} textAnchor="middle">
              {formatNumber(v, lang)}
            </text>
          </g>
        ))}
        <rect className="mac-allowed" x={x(plan.forwardLimitPercentMac)} y={34} width={x(plan.aftLimitPercentMac) - x(plan.forwardLimitPercentMac)} height={16} />
        <line className="mac-limit" x1={x(plan.forwardLimitPercentMac)} x2={x(plan.forwardLimitPercentMac)} y1={26} y2={58} />
        <line className="mac-limit" x1={x(plan.aftLimitPercentMac)} x2={x(plan.aftLimitPercentMac)} y1={26} y2={58} />
        <text className="mac-tick" x={x(plan.forwardLimitPercentMac)} y={20} textAnchor="middle">
          {t("forward")}
        </text>
        <text className="mac-tick" x={x(plan.aftLimitPercentMac)} y={20} textAnchor="middle">
          {t("aft")}
        </text>
        <path className={inside ? "cg-mark" : "cg-mark cg-out"} d={`M ${x(plan.cgPercentMac)} 50 l -8 -16 h 16 z`} />
        <text className="mac-tick" x={WIDTH - PAD} y={92} textAnchor="end">
          %MAC
        </text>
      </svg>
      <figcaption>
        <dl className="balance-figures">
          <div>
            <dt>{t("Centre of balance")}</dt>
            <dd data-testid="cg">{pct(plan.cgPercentMac)}</dd>
          </div>
          <div>
            <dt>{t("Forward limit")}</dt>
            <dd>{pct(plan.forwardLimitPercentMac)}</dd>
          </div>
          <div>
            <dt>{t("Aft limit")}</dt>
            <dd>{pct(plan.aftLimitPercentMac)}</dd>
          </div>
          <div>
            <dt>{t("Margin to the forward limit")}</dt>
            <dd data-testid="forward-margin">{pct(plan.forwardMarginPercentMac)}</dd>
          </div>
          <div>
            <dt>{t("Margin to the aft limit")}</dt>
            <dd data-testid="aft-margin">{pct(plan.aftMarginPercentMac)}</dd>
          </div>
        </dl>
        <p className={inside ? "balance-ok" : "balance-out"}>{inside ? t("Within limits.") : t("Outside the limits.")}</p>
      </figcaption>
    </figure>
  );
}
