import { describe, expect, it } from '@jest/globals';
import { barChartSvg, cspSafe } from './chart.js';

describe('server-rendered charts', () => {
  it('renders an SVG with one bar per value and the legend, without any inline style or style element (CSP)', () => {
    const svg = barChartSvg({
      categories: ['Solothurn', 'Olten'],
      series: [
        { name: 'Gespräch', values: [5, 3] },
        { name: 'Mappe', values: [2, 0] },
      ],
      horizontal: true,
    });
    expect(svg.startsWith('<svg aria-hidden="true"')).toBe(true);
    expect(svg).toContain('Solothurn');
    expect(svg).toContain('Gespräch');
    expect(svg).not.toMatch(/style=/);
    expect(svg).not.toMatch(/<style/);
    expect(svg).not.toMatch(/<script/);
  });

  it('turns style declarations into presentation attributes', () => {
    expect(cspSafe('<svg ><text style="font-size:12px;font-family:sans-serif;">a</text></svg>')).toBe(
      '<svg aria-hidden="true" focusable="false" ><text font-size="12px" font-family="sans-serif">a</text></svg>',
    );
  });
});
