/**
 * The Gantt drawn as SVG: a row per aircraft tail, per lane of a road route and per airport's
 * airline seats, on a UTC time axis (d3-scale). It stays smooth with thousands of sorties: only
 * the rows in view are drawn (the page scrolls them natively), and in each only the bars inside
 * the window and one window's width either side, found by binary search. Bars are placed on a fixed
 * origin (the plan's start) at the zoom's scale, so panning moves one transform: a drag moves it
 * directly, and when the window changes only the bars coming into the drawn margin are made.
 *
 * Zoom: Ctrl (or ⌘) + wheel, the wheel over the time axis, + and −, or the buttons. Pan: drag,
 * Shift + wheel or a sideways wheel, ← and →, or the buttons. Home: the whole plan. A sortie's bar
 * opens its load plan on a click, Enter or Space.
 */
import { scaleUtc } from "d3-scale";
import { type KeyboardEvent, memo, type PointerEvent, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import type { GanttConvoy, GanttSeats, GanttSortie, PlanGantt } from "../../api/contract.ts";
import { formatShortDay, formatUtcDateTime, formatUtcTime, type Lang } from "../../i18n/format.ts";
import { useLang } from "../../i18n/use-lang.ts";
import { MOVEMENT_STATUSES } from "../../ui/movement-words.ts";
import { shortName } from "../../ui/site-name.ts";
import { type Bar, barAt, barsIn, countIn, type GanttRow, rowsInView } from "./gantt-model.ts";
import { type Domain, panDomain, wheelFactor, zoomDomain } from "./gantt-view.ts";
import { CLEARANCE_COLOURS, CLEARANCE_STATES, CONVOY_COLOUR, SEATS_COLOUR } from "./plan-words.ts";

export const ROW_HEIGHT = 28;
const AXIS_HEIGHT = 44;
const LABEL_WIDTH = 170;
const MAX_VIEWPORT = 560;
const BAR_PAD = 5;
const DAY = 86_400_000;
/**
 * Bars drawn one by one (each a button with its label) at most; with more in the drawn window the
 * rows are drawn as a few paths per colour, and a click picks the bar under the pointer.
 */
export const DETAIL_BUDGET = 400;

/** What the chart shows and how it tells the page. */
export interface GanttChartProps {
  readonly gantt: PlanGantt;
  readonly rows: readonly GanttRow[];
  readonly domain: Domain;
  readonly bounds: Domain;
  readonly onDomain: (d: Domain) => void;
  readonly onOpen: (sortie: string) => void;
  readonly selected: string | null;
  readonly now: number | undefined;
}

/** Finds a bar's data by id. */
interface Lookup {
  readonly sorties: ReadonlyMap<string, GanttSortie>;
  readonly convoys: ReadonlyMap<string, GanttConvoy>;
  readonly seats: ReadonlyMap<string, GanttSeats>;
  readonly site: (id: string) => string;
  /** Bars' labels, made once per language (they do not change as the window moves). */
  readonly labels: Map<string, string>;
}

/** The chart with its controls. */
export function GanttChart(props: GanttChartProps) {
  const { gantt, rows, domain, bounds, onDomain } = props;
  const { t } = useTranslation();
  const lang = useLang();
  const viewport = useRef<HTMLDivElement>(null);
  const rowsLayer = useRef<SVGGElement>(null);
  const axisLayer = useRef<SVGGElement>(null);
  const [width, setWidth] = useState(900);
  const [scrollTop, setScrollTop] = useState(0);

  const plotWidth = Math.max(200, width - LABEL_WIDTH);
  const height = Math.min(MAX_VIEWPORT, AXIS_HEIGHT + rows.length * ROW_HEIGHT + 2);
  const span = domain[1] - domain[0];
  const msPerPx = span / plotWidth;

  // The latest values for the event listeners, which are attached once.
  const live = useRef({ domain, bounds, onDomain, msPerPx, plotWidth });
  live.current = { domain, bounds, onDomain, msPerPx, plotWidth };

  const lookup = useMemo<Lookup>(() => {
    const names = new Map(gantt.sites.map((s) => [s.id, shortName(s.name)]));
    return {
      sorties: new Map(gantt.sorties.map((s) => [s.id, s])),
      convoys: new Map(gantt.convoys.map((c) => [c.id, c])),
      seats: new Map(gantt.seats.map((s) => [s.id, s])),
      site: (id) => names.get(id) ?? id,
      labels: new Map(),
    };
    // A new language makes new labels.
  }, [gantt, lang]);

  useEffect(() => {
    const el = viewport.current;
    if (el === null) return;
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    setWidth(el.clientWidth);
    return () => observer.disconnect();
  }, []);

  // The drawn layers sit at the window's offset from the origin; a drag adds to it by hand (see
  // onPointerMove), so it is set here after every render rather than as a React attribute.
  const offset = (domain[0] - bounds[0]) * (plotWidth / span);
  const baseTransform = `translate(${(-offset).toFixed(2)},0)`;
  useLayoutEffect(() => {
    rowsLayer.current?.setAttribute("transform", baseTransform);
    axisLayer.current?.setAttribute("transform", baseTransform);
  });

  // Wheel: zoom with Ctrl/⌘ or over the axis, pan sideways; a plain wheel scrolls the rows. Listened
  // to directly (React's wheel listener is passive and cannot stop the page from zooming).
  useEffect(() => {
    const el = viewport.current;
    if (el === null) return;
    let frame = 0;
    let pending: { factor: number; anchorPx: number; panPx: number } | null = null;
    const apply = () => {
      frame = 0;
      const p = pending;
      pending = null;
      if (p === null) return;
      const { domain: d, bounds: b, onDomain: set, msPerPx: k } = live.current;
      let next = d;
      if (p.factor !== 1) next = zoomDomain(next, p.factor, d[0] + p.anchorPx * k, b);
      if (p.panPx !== 0) next = panDomain(next, p.panPx * ((next[1] - next[0]) / live.current.plotWidth), b);
      if (next[0] !== d[0] || next[1] !== d[1]) set(next);
    };
    const onWheel = (e: WheelEvent) => {
      const box = el.getBoundingClientRect();
      const x = e.clientX - box.left - LABEL_WIDTH;
      const overAxis = e.clientY - box.top < AXIS_HEIGHT;
      const zoom = e.ctrlKey || e.metaKey || overAxis;
      const sideways = e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY);
      if (!zoom && !sideways) return;
      e.preventDefault();
      pending ??= { factor: 1, anchorPx: x, panPx: 0 };
      if (zoom && !sideways) {
        pending.factor *= wheelFactor(e.deltaY);
        pending.anchorPx = Math.max(0, x);
      } else pending.panPx += e.shiftKey ? e.deltaY || e.deltaX : e.deltaX;
      if (frame === 0) frame = requestAnimationFrame(apply);
    };
    el.addEventListener("wheel", onWheel, { passive: false });
    return () => {
      el.removeEventListener("wheel", onWheel);
      if (frame !== 0) cancelAnimationFrame(frame);
    };
  }, []);

  // Drag to pan: the drawn layers follow the pointer by a transform; the window changes once.
  const drag = useRef<{ x: number; dx: number; moved: boolean } | null>(null);
  const suppressClick = useRef(false);
  const commitDrag = () => {
    const d = drag.current;
    if (d === null || d.dx === 0) return;
    onDomain(panDomain(domain, -d.dx * msPerPx, bounds));
    d.dx = 0;
  };
  const onPointerDown = (e: PointerEvent<SVGSVGElement>) => {
    if (e.button !== 0) return;
    drag.current = { x: e.clientX, dx: 0, moved: false };
    suppressClick.current = false;
  };
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    const d = drag.current;
    if (d === null) return;
    // How far the window can go before it meets the plan's ends.
    const most = (domain[0] - bounds[0]) / msPerPx;
    const least = -(bounds[1] - domain[1]) / msPerPx;
    d.dx = Math.max(least, Math.min(most, e.clientX - d.x));
    if (!d.moved && Math.abs(e.clientX - d.x) > 4) {
      d.moved = true;
      (e.currentTarget as SVGSVGElement).setPointerCapture(e.pointerId);
    }
    if (!d.moved) return;
    const transform = `translate(${(d.dx - offset).toFixed(2)},0)`;
    rowsLayer.current?.setAttribute("transform", transform);
    axisLayer.current?.setAttribute("transform", transform);
    // The margin drawn either side is one window wide: redraw before it runs out.
    if (Math.abs(d.dx) > plotWidth * 0.8) {
      d.x += d.dx;
      commitDrag();
    }
  };
  const onPointerUp = () => {
    const d = drag.current;
    if (d?.moved === true) {
      suppressClick.current = true;
      commitDrag();
    }
    drag.current = null;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = span / 4;
    const middle = domain[0] + span / 2;
    let next: Domain | undefined;
    if (e.key === "ArrowLeft") next = panDomain(domain, -step, bounds);
    else if (e.key === "ArrowRight") next = panDomain(domain, step, bounds);
    else if (e.key === "+" || e.key === "=") next = zoomDomain(domain, 1.5, middle, bounds);
    else if (e.key === "-" || e.key === "_") next = zoomDomain(domain, 1 / 1.5, middle, bounds);
    else if (e.key === "Home") next = bounds;
    if (next === undefined) return;
    e.preventDefault();
    onDomain(next);
  };

  const onScroll = () => {
    const el = viewport.current;
    if (el !== null) setScrollTop(el.scrollTop);
  };

  // The drawn window: at least one window's width either side, so a drag has something to show,
  // on a grid of half windows, so a small pan draws the same bars and the memoised rows skip it.
  const origin = bounds[0];
  const half = span / 2;
  const drawFrom = origin + Math.floor((domain[0] - span - origin) / half) * half;
  const drawn: Domain = [drawFrom, drawFrom + 7 * half];
  const k = plotWidth / span;
  const scale = scaleUtc().domain([new Date(drawn[0]), new Date(drawn[1])]).range([(drawn[0] - origin) * k, (drawn[1] - origin) * k]);
  const ticks = scale.ticks(Math.max(3, Math.round((3 * plotWidth) / 110)));
  const tickLabel = tickFormatter(span, lang);
  const { first, last } = rowsInView(rows.length, ROW_HEIGHT, scrollTop, height - AXIS_HEIGHT, 4);
  const visible = rows.slice(first, last + 1);
  const detail = visible.reduce((n, r) => n + countIn(r.bars, drawn[0], drawn[1]), 0) <= DETAIL_BUDGET;
  const openAt = (row: GanttRow, clientX: number) => {
    const svg = viewport.current?.querySelector("svg");
    if (svg === null || svg === undefined || row.kind !== "sortie") return;
    const at = domain[0] + (clientX - svg.getBoundingClientRect().left - LABEL_WIDTH) * msPerPx;
    const bar = barAt(row.bars, at, 4 * msPerPx);
    if (bar !== undefined) props.onOpen(bar.id);
  };
  // One function for the memoised rows, calling the latest (the window changes it).
  const pickRef = useRef(openAt);
  pickRef.current = openAt;
  const onPick = useCallback((row: GanttRow, clientX: number) => pickRef.current(row, clientX), []);
  const xOf = (ms: number) => (ms - origin) * k;
  const lines = [
    { at: Date.parse(gantt.deadline), label: t("Deadline"), className: "gantt-deadline" },
    ...(props.now === undefined ? [] : [{ at: props.now, label: t("Now"), className: "gantt-now" }]),
  ];

  return (
    <div className="gantt">
      <div className="gantt-controls" role="group" aria-label={t("Time shown")}>
        <Button className="button" onPress={() => onDomain(zoomDomain(domain, 1.5, domain[0] + span / 2, bounds))}>
          {t("Zoom in")}
        </Button>
        <Button className="button" onPress={() => onDomain(zoomDomain(domain, 1 / 1.5, domain[0] + span / 2, bounds))}>
          {t("Zoom out")}
        </Button>
        <Button className="button" onPress={() => onDomain(panDomain(domain, -span / 2, bounds))}>
          {t("Earlier")}
        </Button>
        <Button className="button" onPress={() => onDomain(panDomain(domain, span / 2, bounds))}>
          {t("Later")}
        </Button>
        <Button className="button button-quiet" onPress={() => onDomain(bounds)}>
          {t("Whole plan")}
        </Button>
        <p className="gantt-window" aria-live="polite" data-testid="gantt-window" data-start={domain[0]} data-end={domain[1]}>
          {t("{{from}} to {{to}} UTC", { from: formatUtcDateTime(new Date(domain[0]).toISOString(), lang), to: formatUtcDateTime(new Date(domain[1]).toISOString(), lang) })}
        </p>
      </div>
      <p className="muted gantt-help" id="gantt-help">
        {t("Drag or use ← → to move in time; Ctrl + wheel, the wheel over the dates, or + − to zoom; Home for the whole plan. Select a sortie (click, or Tab then Enter) to open its load plan.")}
      </p>
      {!detail && (
        <p className="gantt-dense" data-testid="gantt-dense">
          {t("Too many movements in this window to list each one in the chart: zoom in to move between sorties with the keyboard, or click a bar, or open one from the table below.")}
        </p>
      )}
      <div
        ref={viewport}
        className="gantt-viewport"
        style={{ height }}
        tabIndex={0}
        role="region"
        aria-label={t("Gantt of the plan's movements")}
        aria-describedby="gantt-help"
        onKeyDown={onKeyDown}
        onScroll={onScroll}
        data-testid="gantt"
      >
        <div style={{ height: AXIS_HEIGHT + rows.length * ROW_HEIGHT, position: "relative" }}>
          <svg
            className="gantt-svg"
            width={width}
            height={height}
            style={{ position: "sticky", top: 0, display: "block" }}
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onPointerCancel={onPointerUp}
            onClickCapture={(e) => {
              if (suppressClick.current) {
                e.stopPropagation();
                suppressClick.current = false;
              }
            }}
          >
            <defs>
              <clipPath id="gantt-plot">
                <rect x={0} y={AXIS_HEIGHT} width={plotWidth} height={Math.max(0, height - AXIS_HEIGHT)} />
              </clipPath>
              <clipPath id="gantt-labels">
                <rect x={0} y={AXIS_HEIGHT} width={LABEL_WIDTH} height={Math.max(0, height - AXIS_HEIGHT)} />
              </clipPath>
              <clipPath id="gantt-axis">
                <rect x={0} y={0} width={plotWidth} height={AXIS_HEIGHT} />
              </clipPath>
              <pattern id="gantt-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <rect width="6" height="6" fill={CLEARANCE_COLOURS.pending} />
                <line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" strokeOpacity="0.35" strokeWidth="3" />
              </pattern>
            </defs>
            <g transform={`translate(${LABEL_WIDTH},0)`}>
              <g clipPath="url(#gantt-plot)">
                <g ref={rowsLayer} data-offset={offset}>
                  {ticks.map((tick) => (
                    <line key={tick.getTime()} className="gantt-grid" x1={xOf(tick.getTime())} x2={xOf(tick.getTime())} y1={AXIS_HEIGHT} y2={height} />
                  ))}
                  {visible.map((row, i) => (
                    <g key={row.key} transform={`translate(0,${AXIS_HEIGHT + (first + i) * ROW_HEIGHT - scrollTop})`}>
                      {detail ? (
                        <RowBars row={row} from={drawn[0]} to={drawn[1]} origin={origin} k={k} lookup={lookup} selected={props.selected} onOpen={props.onOpen} lang={lang} />
                      ) : (
                        <DenseRow row={row} from={drawn[0]} to={drawn[1]} origin={origin} k={k} lookup={lookup} onPick={onPick} />
                      )}
                    </g>
                  ))}
                  {lines.map((l) => (
                    <line key={l.className} className={l.className} x1={xOf(l.at)} x2={xOf(l.at)} y1={AXIS_HEIGHT} y2={height} />
                  ))}
                </g>
              </g>
              <rect className="gantt-axis-back" x={0} y={0} width={plotWidth} height={AXIS_HEIGHT} />
              <g clipPath="url(#gantt-axis)">
                <g ref={axisLayer}>
                  {ticks.map((tick) => (
                    <g key={tick.getTime()} transform={`translate(${xOf(tick.getTime())},0)`}>
                      <line className="gantt-tick" y1={AXIS_HEIGHT - 8} y2={AXIS_HEIGHT} />
                      <text className="gantt-tick-label" x={3} y={AXIS_HEIGHT - 14}>
                        {tickLabel(tick.getTime())}
                      </text>
                    </g>
                  ))}
                  {lines.map((l) => (
                    <text key={l.className} className={`${l.className}-label`} x={xOf(l.at) - 3} y={14} textAnchor="end">
                      {l.label}
                    </text>
                  ))}
                </g>
              </g>
            </g>
            <rect className="gantt-label-back" x={0} y={0} width={LABEL_WIDTH} height={height} />
            <text className="gantt-corner" x={8} y={AXIS_HEIGHT - 14}>
              UTC
            </text>
            <g clipPath="url(#gantt-labels)">
              {visible.map((row, i) => (
                <RowLabel key={row.key} row={row} y={AXIS_HEIGHT + (first + i) * ROW_HEIGHT - scrollTop} site={lookup.site} />
              ))}
            </g>
            <line className="gantt-axis-line" x1={0} x2={width} y1={AXIS_HEIGHT} y2={AXIS_HEIGHT} />
          </svg>
        </div>
      </div>
    </div>
  );
}

/** Tick labels: days when the window spans days, else times with the day at midnight. */
function tickFormatter(span: number, lang: Lang): (ms: number) => string {
  if (span > 3 * DAY) return (ms) => formatShortDay(ms, lang);
  return (ms) => (ms % DAY === 0 ? formatShortDay(ms, lang) : formatUtcTime(ms, lang));
}

const RowLabel = memo(function RowLabel({ row, y, site }: { row: GanttRow; y: number; site: (id: string) => string }) {
  const { t } = useTranslation();
  if (y + ROW_HEIGHT < AXIS_HEIGHT) return null;
  const text =
    row.kind === "sortie"
      ? row.subject
      : row.kind === "convoy"
        ? `${t("Road")} ${row.subject}${row.lane > 0 ? ` (${row.lane + 1})` : ""}`
        : `${t("Airline seats")} ${site(row.subject)}${row.lane > 0 ? ` (${row.lane + 1})` : ""}`;
  return (
    <text className={`gantt-row-label gantt-row-${row.kind}`} x={8} y={y + ROW_HEIGHT / 2 + 5}>
      {text.length > 22 ? `${text.slice(0, 21)}…` : text}
      <title>{text}</title>
    </text>
  );
});

interface RowBarsProps {
  readonly row: GanttRow;
  readonly from: number;
  readonly to: number;
  /** Bars' x: (instant − origin) × k. */
  readonly origin: number;
  readonly k: number;
  readonly lookup: Lookup;
  readonly selected: string | null;
  readonly onOpen: (sortie: string) => void;
  readonly lang: Lang;
}

/** One row's bars in the drawn window; memoised, so scrolling draws only the rows that come into view. */
const RowBars = memo(function RowBars(p: RowBarsProps) {
  const bars = barsIn(p.row.bars, p.from, p.to);
  return (
    <>
      <rect className={`gantt-row gantt-row-${p.row.kind}`} x={(p.from - p.origin) * p.k} y={0} width={(p.to - p.from) * p.k} height={ROW_HEIGHT} />
      {bars.map((b) => (
        <BarShape key={b.id} bar={b} origin={p.origin} k={p.k} lookup={p.lookup} isSelected={p.selected === b.id} onOpen={p.onOpen} lang={p.lang} />
      ))}
    </>
  );
});

interface BarProps {
  readonly bar: Bar;
  readonly origin: number;
  readonly k: number;
  readonly lookup: Lookup;
  readonly isSelected: boolean;
  readonly onOpen: (sortie: string) => void;
  readonly lang: Lang;
}

/** A bar; memoised, so a pan (same scale and origin) makes none again. */
const BarShape = memo(function BarShape({ bar, origin, k, lookup, isSelected, onOpen, lang }: BarProps) {
  const { t } = useTranslation();
  const x = (ms: number) => (ms - origin) * k;
  const left = x(bar.start);
  const w = Math.max(3, x(bar.end) - left);
  const y = BAR_PAD;
  const h = ROW_HEIGHT - 2 * BAR_PAD;
  const when = (iso: string) => formatUtcDateTime(iso, lang);
  if (bar.kind === "sortie") {
    const s = lookup.sorties.get(bar.id);
    if (s === undefined) return null;
    let label = lookup.labels.get(s.id);
    if (label === undefined) {
      const movement = s.movement === null ? t("no movement on the server") : t(MOVEMENT_STATUSES[s.movement] ?? s.movement);
      const route = s.legs.map((l) => lookup.site(l.from)).concat(lookup.site(s.legs.at(-1)?.to ?? "")).join(" → ");
      label = t("Sortie {{id}}, {{aircraft}}: {{route}}, {{departs}} to {{arrives}} UTC. Clearance: {{clearance}}. Movement: {{movement}}.", {
        id: s.id,
        aircraft: s.aircraft,
        route,
        departs: when(s.departAt),
        arrives: when(s.arriveAt),
        clearance: t(CLEARANCE_STATES[s.clearance]),
        movement,
      });
      lookup.labels.set(s.id, label);
    }
    const fill = s.clearance === "pending" ? "url(#gantt-hatch)" : CLEARANCE_COLOURS[s.clearance];
    const open = () => onOpen(s.id);
    return (
      // biome-ignore lint/a11y/useSemanticElements: an SVG group cannot be a <button>; it has the role, focus and keys of one.
      <g
        className={`gantt-bar gantt-sortie${isSelected ? " gantt-selected" : ""}${s.movement === "departed" || s.movement === "arrived" ? " gantt-flown" : ""}`}
        role="button"
        tabIndex={0}
        aria-label={label}
        data-sortie={s.id}
        onClick={open}
        onKeyDown={(e) => {
          if (e.key === "Enter" || e.key === " ") {
            e.preventDefault();
            e.stopPropagation();
            open();
          }
        }}
      >
        <title>{label}</title>
        {s.legs.map((l) => {
          const a = x(Date.parse(l.departAt));
          const lw = Math.max(2, x(Date.parse(l.arriveAt)) - a);
          return <rect key={l.departAt} x={a} y={y} width={lw} height={h} fill={fill} opacity={l.loaded ? 1 : 0.55} rx={2} />;
        })}
        <rect className="gantt-bar-outline" x={left} y={y} width={w} height={h} rx={2} />
        {w > 44 && (
          <text className="gantt-bar-label" x={left + 4} y={y + h / 2 + 4}>
            {s.id}
          </text>
        )}
      </g>
    );
  }
  if (bar.kind === "convoy") {
    const c = lookup.convoys.get(bar.id);
    if (c === undefined) return null;
    const label = t("Convoy {{id}}: {{from}} → {{to}}, {{departs}} to {{arrives}} UTC, {{trucks}} trucks.", {
      id: c.id,
      from: lookup.site(c.from),
      to: lookup.site(c.to),
      departs: when(c.departAt),
      arrives: when(c.arriveAt),
      trucks: c.trucks,
    });
    return (
      <g className="gantt-bar gantt-convoy">
        <title>{label}</title>
        <rect x={left} y={y} width={w} height={h} fill={CONVOY_COLOUR} rx={2} />
        {w > 44 && (
          <text className="gantt-bar-label" x={left + 4} y={y + h / 2 + 4}>
            {c.id}
          </text>
        )}
      </g>
    );
  }
  const p = lookup.seats.get(bar.id);
  if (p === undefined) return null;
  const label = t("Airline seats {{id}}: {{n}} people from {{airport}}, {{departs}} UTC.", { id: p.id, n: p.passengers, airport: lookup.site(p.airport), departs: when(p.departAt) });
  return (
    <g className="gantt-bar gantt-seats">
      <title>{label}</title>
      <rect x={left} y={y} width={w} height={h} fill={SEATS_COLOUR} rx={2} />
      {w > 44 && (
        <text className="gantt-bar-label" x={left + 4} y={y + h / 2 + 4}>
          {p.id}
        </text>
      )}
    </g>
  );
});

/** A row drawn densely: one path per colour, no element per bar; a click opens the sortie under the pointer. */
const DenseRow = memo(function DenseRow(p: {
  row: GanttRow;
  from: number;
  to: number;
  origin: number;
  k: number;
  lookup: Lookup;
  onPick: (row: GanttRow, clientX: number) => void;
}) {
  const x = (ms: number) => (ms - p.origin) * p.k;
  const paths = new Map<string, string[]>();
  for (const b of barsIn(p.row.bars, p.from, p.to)) {
    const colour = b.kind === "convoy" ? CONVOY_COLOUR : b.kind === "seats" ? SEATS_COLOUR : CLEARANCE_COLOURS[p.lookup.sorties.get(b.id)?.clearance ?? "none"];
    const left = x(b.start);
    const w = Math.max(1, x(b.end) - left);
    const list = paths.get(colour) ?? [];
    list.push(`M${left.toFixed(1)} ${BAR_PAD}h${w.toFixed(1)}v${ROW_HEIGHT - 2 * BAR_PAD}h${(-w).toFixed(1)}z`);
    paths.set(colour, list);
  }
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a pointer shortcut; keyboard users zoom in or use the table, as the note above the chart says.
    <g className={`gantt-dense-row${p.row.kind === "sortie" ? " gantt-pickable" : ""}`} onClick={(e) => p.onPick(p.row, e.clientX)}>
      <rect className={`gantt-row gantt-row-${p.row.kind}`} x={(p.from - p.origin) * p.k} y={0} width={(p.to - p.from) * p.k} height={ROW_HEIGHT} />
      {[...paths].map(([colour, d]) => (
        <path key={colour} d={d.join("")} fill={colour} />
      ))}
    </g>
  );
});
