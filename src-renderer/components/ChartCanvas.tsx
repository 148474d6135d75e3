/**
 * A thin React wrapper over chart.js: creates the chart once, then updates its data and options in
 * place (so new filters animate instead of flashing), and destroys it on unmount.
 */
import { useEffect, useRef } from 'react';
import type { ChartConfiguration, ChartType, DefaultDataPoint } from 'chart.js';
import { Chart } from './chart-setup';

interface ChartCanvasProps<TType extends ChartType, TData, TLabel> {
  config: ChartConfiguration<TType, TData, TLabel>;
  /** what the chart shows, for screen readers */
  ariaLabel: string;
  className?: string;
  testId?: string;
}

export function ChartCanvas<TType extends ChartType, TData = DefaultDataPoint<TType>, TLabel = unknown>({
  config,
  ariaLabel,
  className,
  testId,
}: ChartCanvasProps<TType, TData, TLabel>) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const chartRef = useRef<Chart<TType, TData, TLabel> | null>(null);
  const chartTypeRef = useRef<ChartType | null>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const chart = chartRef.current;
    if (chart && chartTypeRef.current === config.type) {
      chart.data = config.data;
      if (config.options) chart.options = config.options;
      chart.update();
      return;
    }
    chart?.destroy();
    chartRef.current = new Chart(canvas, config);
    chartTypeRef.current = config.type;
  }, [config]);

  useEffect(
    () => () => {
      chartRef.current?.destroy();
      chartRef.current = null;
      chartTypeRef.current = null;
    },
    [],
  );

  return (
    <div className={className ? `chart ${className}` : 'chart'} data-testid={testId}>
      <canvas ref={canvasRef} role="img" aria-label={ariaLabel} />
    </div>
  );
}
