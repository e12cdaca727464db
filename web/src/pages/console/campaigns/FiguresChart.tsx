import { CategoryScale, Chart, Legend, LineController, LineElement, LinearScale, PointElement, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';

Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

export interface Series {
  label: string;
  data: number[];
  colour: string;
}

/**
 * The daily reach of a campaign as lines (Chart.js, loaded only with this page). The table
 * beside it holds the same figures for screen readers.
 */
export default function FiguresChart({ labels, series, label, locale }: { labels: string[]; series: Series[]; label: string; locale: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'line',
      data: {
        labels,
        datasets: series.map((s) => ({ label: s.label, data: s.data, borderColor: s.colour, backgroundColor: s.colour, tension: 0.2, pointRadius: 2 })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        locale,
        plugins: { legend: { position: 'bottom', labels: { boxWidth: 14 } } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } }, x: { ticks: { autoSkip: true, maxRotation: 0 } } },
      },
    });
    return () => chart.destroy();
  }, [labels, series, label, locale]);
  return (
    <div className="chart campaign-chart">
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
