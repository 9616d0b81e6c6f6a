import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export interface BarDatum {
  /** Short label under the bar ("nov"). */
  label: string;
  /** Full label for the data table ("novembre 2026"). */
  longLabel: string;
  value: number;
  /** The value as people read it ("1.234,5"). */
  display: string;
  /** A period not over yet (the current month): its figure is partial, and the chart says so. */
  inProgress?: boolean;
}

/** True for the month `ym` (YYYY-MM) that is under way on this computer's calendar. */
export function isCurrentMonth(ym: string, now: Date = new Date()): boolean {
  return ym === `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

export interface BarChartProps {
  title: string;
  /** One sentence for `aria-label`: what the chart shows (total, highest month). */
  summary: string;
  data: readonly BarDatum[];
  valueHeader: string;
  periodHeader: string;
  /** The highest value as read ("2.111"): written at the top of the scale. */
  maxDisplay?: string;
  /** A short visible line under the chart (total, highest month). */
  note?: string;
}

const WIDTH = 360;
const HEIGHT = 150;
const TOP = 16;
const BOTTOM = 22;
/** About the width of one character of a label (11px in a 360-unit-wide picture). */
const CHAR = 6;
/** Rotated labels longer than this end in "…" (the full name is in the tooltip and the table). */
const MAX_CHARS = 14;
const SIN = Math.sin((40 * Math.PI) / 180);
const COS = Math.cos((40 * Math.PI) / 180);

/**
 * A small bar chart in SVG, with no chart library and no inline style (CSP `style-src 'self'`):
 * geometry through SVG attributes, colours through classes. The picture is one `role="img"`
 * with a summary; the figures themselves are in a visually hidden table right after it.
 * Labels that do not fit under their bar (names of towns) are written slanted rather than cut,
 * each bar has its full label and figure as a tooltip, and a period in progress is drawn as
 * partial and named under the chart.
 */
export function BarChart({ title, summary, data, valueHeader, periodHeader, maxDisplay, note }: BarChartProps) {
  const { t } = useTranslation();
  const tableId = useId();
  const max = Math.max(0, ...data.map((d) => d.value));
  const fullSlot = data.length ? WIDTH / data.length : WIDTH;
  const slanted = data.some((d) => d.label.length * CHAR > fullSlot - 2);
  const shown = (label: string) => (slanted && label.length > MAX_CHARS ? `${label.slice(0, MAX_CHARS - 1)}…` : label);
  // A slanted first label reaches left of its bar: the bars move right to leave it room.
  const left = slanted && data[0] ? Math.max(0, Math.ceil(shown(data[0].label).length * CHAR * COS - fullSlot / 2 + 2)) : 0;
  const slot = data.length ? (WIDTH - left) / data.length : WIDTH;
  const barWidth = Math.max(4, slot * 0.7);
  const longest = Math.max(0, ...data.map((d) => shown(d.label).length));
  const bottom = slanted ? Math.ceil(10 + longest * CHAR * SIN) : BOTTOM;
  const height = HEIGHT - BOTTOM + bottom;
  const base = height - bottom;
  const plot = base - TOP;
  const partial = data.find((d) => d.inProgress);
  return (
    <figure className="cst-chart">
      <figcaption className="cst-chart-title">{title}</figcaption>
      <svg className="cst-chart-svg" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={summary} preserveAspectRatio="xMidYMid meet">
        <line className="cst-chart-axis" x1={0} x2={WIDTH} y1={base + 0.5} y2={base + 0.5} />
        {maxDisplay && max > 0 ? (
          <>
            <line className="cst-chart-grid-line" x1={0} x2={WIDTH} y1={TOP + 0.5} y2={TOP + 0.5} />
            <text className="cst-chart-label" x={2} y={TOP - 4}>
              {maxDisplay}
            </text>
          </>
        ) : null}
        {data.map((d, i) => {
          const h = max > 0 ? Math.round((d.value / max) * plot) : 0;
          const x = left + i * slot + (slot - barWidth) / 2;
          const cx = left + i * slot + slot / 2;
          const label = `${shown(d.label)}${d.inProgress ? '*' : ''}`;
          return (
            <g key={d.longLabel}>
              <title>{`${d.longLabel}: ${d.display}${d.inProgress ? ` (${t('chart.inProgressShort')})` : ''}`}</title>
              {h > 0 ? <rect className={d.inProgress ? 'cst-chart-bar cst-chart-bar-partial' : 'cst-chart-bar'} x={x} y={base - h} width={barWidth} height={h} /> : null}
              {slanted ? (
                <text className="cst-chart-label" x={cx + 3} y={base + 10} textAnchor="end" transform={`rotate(-40 ${cx + 3} ${base + 10})`}>
                  {label}
                </text>
              ) : (
                <text className="cst-chart-label" x={cx} y={height - 6} textAnchor="middle">
                  {label}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      {partial ? <p className="cst-chart-note">{t('chart.inProgress', { period: partial.longLabel })}</p> : null}
      {note ? (
        <p className="cst-chart-note" aria-hidden="true">
          {note}
        </p>
      ) : null}
      <table className="visually-hidden" id={tableId}>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{periodHeader}</th>
            <th scope="col">{valueHeader}</th>
          </tr>
        </thead>
        <tbody>
          {data.map((d) => (
            <tr key={d.longLabel}>
              <th scope="row">{d.inProgress ? `${d.longLabel} (${t('chart.inProgressShort')})` : d.longLabel}</th>
              <td>{d.display}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
