import { Box } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { formatMoney } from './forecast-format';

/**
 * The weighted pipeline of one currency as bars (weighted, and the full amount beside it). chart.js
 * (bar-chart.ts) is imported here, when the chart first draws, so it is in no bundle but this page's
 * chart chunk. The canvas is an image with a label; the table below it holds the same figures for screen
 * readers and small screens.
 */
export function WeightedChart({
  labels,
  weighted,
  amount,
  currency,
}: {
  labels: string[];
  weighted: number[];
  amount: number[];
  currency: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let cancelled = false;
    let destroy: (() => void) | undefined;
    void import('./bar-chart').then(({ Chart }) => {
      const element = canvas.current;
      if (cancelled || !element) return;
      const chart = new Chart(element, {
        type: 'bar',
        data: {
          labels,
          datasets: [
            { label: `Weighted (${currency})`, data: weighted, backgroundColor: '#228be6' },
            { label: `Amount (${currency})`, data: amount, backgroundColor: '#a5d8ff' },
          ],
        },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          scales: {
            y: { beginAtZero: true, ticks: { callback: (value) => formatMoney(String(value), currency) } },
          },
          plugins: {
            tooltip: {
              callbacks: {
                label: (item) => `${item.dataset.label}: ${formatMoney(String(item.parsed.y), currency)}`,
              },
            },
          },
        },
      });
      element.dataset.ready = 'true';
      destroy = () => chart.destroy();
    });
    return () => {
      cancelled = true;
      destroy?.();
    };
  }, [labels, weighted, amount, currency]);
  return (
    <Box h={{ base: 240, sm: 300 }} pos="relative">
      <canvas
        ref={canvas}
        role="img"
        aria-label={`Weighted pipeline in ${currency} by expected close month: the table below lists the same figures`}
        data-testid="forecast-chart"
      />
    </Box>
  );
}
