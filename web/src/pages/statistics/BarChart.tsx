import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartDataset } from 'chart.js';
import { useEffect, useRef } from 'react';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

interface BarChartProps {
  labels: string[];
  datasets: ChartDataset<'bar', number[]>[];
  /** What the chart shows, for screen readers (the table below it has the figures). */
  label: string;
  stacked?: boolean;
  horizontal?: boolean;
  /** Values are fractions shown as percentages. */
  percent?: boolean;
  locale: string;
}

/** A Chart.js bar chart on a canvas, rebuilt when its data change and destroyed with the page. */
export function BarChart({ labels, datasets, label, stacked = false, horizontal = false, percent = false, locale }: BarChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    if (!canvas.current) return;
    const valueAxis = {
      stacked,
      beginAtZero: true,
      ...(percent ? { max: 1 } : {}),
      ticks: {
        precision: percent ? 2 : 0,
        callback: (value: string | number) =>
          percent ? new Intl.NumberFormat(locale, { style: 'percent' }).format(Number(value)) : new Intl.NumberFormat(locale).format(Number(value)),
      },
    };
    const labelAxis = { stacked, ticks: { autoSkip: true, maxRotation: 0 } };
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: { labels, datasets },
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
  }, [labels, datasets, stacked, horizontal, percent, locale]);

  return (
    <div className="chart" style={{ height: horizontal ? `${Math.max(12, labels.length * 3 + 6)}rem` : '20rem' }}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
