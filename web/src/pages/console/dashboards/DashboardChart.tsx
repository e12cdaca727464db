import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartDataset,
} from 'chart.js';
import { useEffect, useRef } from 'react';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

export type Series = ChartDataset<'bar' | 'line', (number | null)[]>;

interface DashboardChartProps {
  labels: string[];
  datasets: Series[];
  /** What the chart shows, for screen readers (the table under it has the figures). */
  label: string;
  horizontal?: boolean;
  /** Values are fractions shown as percentages. */
  percent?: boolean;
  /** Large values on the axis in short form (5 T, 5bn). */
  compact?: boolean;
  locale: string;
  testId: string;
}

/**
 * A Chart.js chart (bars, lines or both) on a canvas, rebuilt when its data change and
 * destroyed with the page. Chart.js reaches the browser only with the dashboards' lazy chunk.
 */
export function DashboardChart({ labels, datasets, label, horizontal = false, percent = false, compact = false, locale, testId }: DashboardChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    if (!canvas.current) return;
    const number = new Intl.NumberFormat(locale, percent ? { style: 'percent' } : compact ? { notation: 'compact' } : {});
    const valueAxis = { beginAtZero: true, ...(percent ? { max: 1 } : {}), ticks: { callback: (value: string | number) => number.format(Number(value)) } };
    const labelAxis = { ticks: { autoSkip: true, maxRotation: 0 } };
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: { labels, datasets: datasets as ChartDataset<'bar', (number | null)[]>[] },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        locale,
        plugins: { legend: { display: datasets.length > 1, position: 'bottom', labels: { boxWidth: 14 } } },
        scales: horizontal ? { x: valueAxis, y: labelAxis } : { x: labelAxis, y: valueAxis },
      },
    });
    return () => chart.destroy();
  }, [labels, datasets, horizontal, percent, compact, locale]);

  return (
    <div className="chart" style={{ height: horizontal ? `${Math.max(10, labels.length * 2.5 + 6)}rem` : '18rem' }} data-testid={testId}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
