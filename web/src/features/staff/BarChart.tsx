import { useId } from 'react';

export interface Bar {
  label: string;
  value: number;
}

/**
 * A small horizontal bar chart in plain SVG (no chart library for a handful of
 * bars). The picture is labelled for screen readers with its title; the same
 * numbers are always in the table beside it, which is the accessible form.
 */
export function BarChart({ title, bars, max, format = String, valueHeader, labelHeader }: { title: string; bars: Bar[]; max?: number; format?: (v: number) => string; valueHeader: string; labelHeader: string }) {
  const id = useId();
  const top = Math.max(max ?? 0, ...bars.map((b) => b.value), 1);
  const row = 26;
  const labelWidth = 190;
  const width = 560;
  const barSpace = width - labelWidth - 60;
  return (
    <figure className="chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{title}</figcaption>
      <div className="chart__body">
        <svg viewBox={`0 0 ${width} ${Math.max(bars.length, 1) * row + 8}`} role="img" aria-label={title} className="chart__svg">
          {bars.map((bar, i) => {
            const y = i * row + 4;
            const w = Math.round((bar.value / top) * barSpace);
            return (
              <g key={bar.label + i}>
                <text x={labelWidth - 8} y={y + 15} textAnchor="end" className="chart__label">
                  {bar.label.length > 28 ? `${bar.label.slice(0, 27)}…` : bar.label}
                </text>
                <rect x={labelWidth} y={y + 2} width={Math.max(w, 1)} height={row - 8} rx={3} className="chart__bar" />
                <text x={labelWidth + Math.max(w, 1) + 6} y={y + 15} className="chart__value">
                  {format(bar.value)}
                </text>
              </g>
            );
          })}
        </svg>
        <table className="data chart__table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{labelHeader}</th>
              <th scope="col">{valueHeader}</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((bar, i) => (
              <tr key={bar.label + i}>
                <th scope="row">{bar.label}</th>
                <td>{format(bar.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
