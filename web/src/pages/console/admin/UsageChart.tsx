import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

/**
 * Requests per day as bars (Chart.js). Loaded lazily: the chart library is only fetched when
 * someone opens a key's usage. The table beside it holds the same figures for screen readers.
 */
export default function UsageChart({ labels, values, label, locale }: { labels: string[]; values: number[]; label: string; locale: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: { labels, datasets: [{ label, data: values, backgroundColor: '#1f5fa8' }] },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        locale,
        plugins: { legend: { display: false } },
        scales: {
          x: { ticks: { autoSkip: true, maxRotation: 0 } },
          y: { beginAtZero: true, ticks: { precision: 0 } },
        },
      },
    });
    return () => chart.destroy();
  }, [labels, values, label, locale]);
  return (
    <div className="chart admin-usage__chart">
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
