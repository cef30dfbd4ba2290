import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, LegendComponent, SVGRenderer]);

/** Colours of the series: distinguishable and at least 3:1 against white (non-text contrast). */
const PALETTE = ['#b3121d', '#1f5f99', '#4d7c0f', '#7c3aed', '#b45309', '#0e7490', '#6b7280', '#be185d', '#374151'];

export interface BarSeries {
  name: string;
  values: readonly number[];
}

export interface BarChartSpec {
  /** Category labels (areas or breakdown values). */
  categories: readonly string[];
  series: readonly BarSeries[];
  /** Horizontal bars read better with long municipality names. */
  horizontal?: boolean;
  width?: number;
}

/**
 * A stacked bar chart rendered on the server by ECharts 6 (SSR, SVG): no JavaScript reaches the browser.
 * The SVG is made fit for the page's Content-Security-Policy (no inline styles): ECharts' `style="…"` attributes
 * become SVG presentation attributes and its hover `<style>` block (useless without script) is dropped.
 */
export function barChartSvg(spec: BarChartSpec): string {
  const width = spec.width ?? 720;
  const rows = spec.categories.length;
  const height = spec.horizontal ? Math.max(160, 60 + rows * 26) : 320;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    const category = {
      type: 'category' as const,
      data: [...spec.categories],
      axisLabel: { width: 150, overflow: 'truncate' as const },
    };
    const value = { type: 'value' as const, minInterval: 1 };
    chart.setOption({
      animation: false,
      color: PALETTE,
      textStyle: { fontFamily: 'DejaVu Sans, sans-serif', color: '#1d1d1f' },
      legend: spec.series.length > 1 ? { bottom: 0, textStyle: { color: '#1d1d1f' } } : { show: false },
      grid: { left: 8, right: 24, top: 12, bottom: spec.series.length > 1 ? 36 : 12 },
      xAxis: spec.horizontal ? value : category,
      yAxis: spec.horizontal ? { ...category, inverse: true } : value,
      series: spec.series.map((s) => ({
        type: 'bar',
        name: s.name,
        stack: 'all',
        data: [...s.values],
        barMaxWidth: 28,
      })),
    });
    return cspSafe(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}

/** Inline styles out (CSP style-src 'self'), presentation attributes in; ECharts' metadata attributes out. */
export function cspSafe(svg: string): string {
  return svg
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/\sstyle="([^"]*)"/g, (_, css: string) =>
      css
        .split(';')
        .map((d) => d.trim())
        .filter((d) => /^[a-z-]+\s*:/.test(d))
        .map((d) => {
          const i = d.indexOf(':');
          return ` ${d.slice(0, i).trim()}="${d
            .slice(i + 1)
            .trim()
            .replace(/"/g, '&quot;')}"`;
        })
        .join(''),
    )
    .replace(/\secmeta_[a-z_]+="[^"]*"/g, '')
    .replace(/\sclass="zr\d+-cls-\d+"/g, '')
    .replace(/<svg /, '<svg aria-hidden="true" focusable="false" ');
}
