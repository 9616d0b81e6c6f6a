import { useId } from 'react';

export interface BarDatum {
  /** Short label under the bar ("nov"). */
  label: string;
  /** Full label for the data table ("novembre 2026"). */
  longLabel: string;
  value: number;
  /** The value as people read it ("1.234,5"). */
  display: string;
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

/**
 * A small bar chart in SVG, with no chart library and no inline style (CSP `style-src 'self'`):
 * geometry through SVG attributes, colours through classes. The picture is one `role="img"`
 * with a summary; the figures themselves are in a visually hidden table right after it.
 */
export function BarChart({ title, summary, data, valueHeader, periodHeader, maxDisplay, note }: BarChartProps) {
  const tableId = useId();
  const max = Math.max(0, ...data.map((d) => d.value));
  const slot = data.length ? WIDTH / data.length : WIDTH;
  const barWidth = Math.max(4, slot * 0.7);
  const plot = HEIGHT - TOP - BOTTOM;
  return (
    <figure className="cst-chart">
      <figcaption className="cst-chart-title">{title}</figcaption>
      <svg className="cst-chart-svg" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary} preserveAspectRatio="xMidYMid meet">
        <line className="cst-chart-axis" x1={0} x2={WIDTH} y1={HEIGHT - BOTTOM + 0.5} y2={HEIGHT - BOTTOM + 0.5} />
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
          const x = i * slot + (slot - barWidth) / 2;
          return (
            <g key={d.longLabel}>
              {h > 0 ? <rect className="cst-chart-bar" x={x} y={HEIGHT - BOTTOM - h} width={barWidth} height={h} /> : null}
              <text className="cst-chart-label" x={i * slot + slot / 2} y={HEIGHT - 6} textAnchor="middle">
                {d.label}
              </text>
            </g>
          );
        })}
      </svg>
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
              <th scope="row">{d.longLabel}</th>
              <td>{d.display}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
