import { Box } from '@mantine/core';
import { useEffect, useRef } from 'react';
import type { CampaignReport } from '../../../shared/campaigns/campaign';

const series = [
  { key: 'sent', label: 'Sent', color: '#868e96' },
  { key: 'delivered', label: 'Delivered', color: '#228be6' },
  { key: 'opens', label: 'Opens', color: '#40c057' },
  { key: 'clicks', label: 'Clicks', color: '#fab005' },
  { key: 'bounces', label: 'Bounces', color: '#fa5252' },
  { key: 'complaints', label: 'Complaints', color: '#be4bdb' },
] as const;

/** An hour `YYYY-MM-DDTHH` (UTC) in the workspace's zone, as the axis shows it. */
function hourLabel(hour: string, timeZone: string | undefined): string {
  const date = new Date(`${hour}:00:00Z`);
  if (Number.isNaN(date.getTime())) return hour;
  return new Intl.DateTimeFormat(undefined, {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(date);
}

/**
 * What happened to the campaign's messages hour by hour, as bars. chart.js (the forecast's bar-chart.ts,
 * the same chunk) is imported when the chart first draws, so it is in no bundle but the chart's. The canvas is an image with a
 * label; the figures above it say the same in words.
 */
export function ReportChart({
  overTime,
  timeZone,
}: {
  overTime: CampaignReport['overTime'];
  timeZone?: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let cancelled = false;
    let destroy: (() => void) | undefined;
    void import('../forecast/bar-chart').then(({ Chart }) => {
      const element = canvas.current;
      if (cancelled || !element) return;
      const chart = new Chart(element, {
        type: 'bar',
        data: {
          labels: overTime.map((point) => hourLabel(point.hour, timeZone)),
          datasets: series.map(({ key, label, color }) => ({
            label,
            data: overTime.map((point) => point[key]),
            backgroundColor: color,
          })),
        },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
        },
      });
      element.dataset.ready = 'true';
      destroy = () => chart.destroy();
    });
    return () => {
      cancelled = true;
      destroy?.();
    };
  }, [overTime, timeZone]);
  return (
    <Box h={{ base: 240, sm: 300 }} pos="relative">
      <canvas
        ref={canvas}
        role="img"
        aria-label="Sent, delivered, opens, clicks, bounces and complaints per hour"
        data-testid="campaign-chart"
      />
    </Box>
  );
}
