// The renderer's unit tests, beside domain/ (they read its SVG with the lib's test parser).
import { byClass, findAll, parseSvg, XmlElement } from './testing';
import { ChartPoint, ChartSeries, chartPoints, SeriesCell } from './domain/chart-series';
import { chartWords } from './domain/chart-words';
import {
  BACKGROUND,
  describe as describeChart,
  PALETTE,
  renderSvgChart,
  valueTicks,
} from './domain/svg-chart';

const point = (period: string, value: number | null, extra: Partial<ChartPoint> = {}): ChartPoint => ({
  period,
  value,
  suppressed: false,
  definitionVersion: 1,
  series: 1,
  ...extra,
});

const series = (points: ChartPoint[], extra: Partial<ChartSeries> = {}): ChartSeries => ({
  indicatorName: 'Evictions',
  cityName: 'Ghent',
  unit: 'count',
  disaggregation: null,
  locale: 'en',
  points,
  ...extra,
});

// The chart's own title or desc (points carry titles of their own, deeper down).
const only = (svg: XmlElement, name: 'title' | 'desc') => {
  const found = svg.children.filter((e) => e.name === name);
  expect(found).toHaveLength(1);
  return found[0];
};

// WCAG 2.1 relative luminance and contrast ratio.
const luminance = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

describe('SVG chart', () => {
  const gapped = series([
    point('2020', 10),
    point('2021', null, { suppressed: true }),
    point('2022', 14),
    point('2023', 15, { series: 2, definitionVersion: 2 }),
    point('2024', null, { series: null, definitionVersion: null }),
    point('2025', 1234.5, { series: 2, definitionVersion: 3 }),
  ]);

  it('is a standalone accessible SVG: role img, labelled by its title and desc, a fixed viewBox', () => {
    const svg = parseSvg(renderSvgChart(gapped, 'line'));
    expect(svg.name).toBe('svg');
    expect(svg.attributes).toEqual(
      expect.objectContaining({
        xmlns: 'http://www.w3.org/2000/svg',
        role: 'img',
        viewBox: '0 0 640 360',
        width: '100%',
        height: '100%',
      }),
    );
    const [title, desc] = svg.children;
    expect([title.name, desc.name]).toEqual(['title', 'desc']);
    expect(svg.attributes['aria-labelledby']).toBe(`${title.attributes.id} ${desc.attributes.id}`);
    expect(title.text).toBe('Evictions, Ghent');
    expect(findAll(svg, (e) => e.name === 'script')).toEqual([]);
  });

  it('summarises the periods, first and last values, unit, suppressed periods and breaks in its desc', () => {
    const desc = only(parseSvg(renderSvgChart(gapped, 'line')), 'desc').text;
    expect(desc).toContain('6 periods from 2020 to 2025');
    expect(desc).toContain('First value 10 (2020), last value 1,234.5 (2025)');
    expect(desc).toContain('Unit: count');
    expect(desc).toContain('Suppressed to protect small numbers, marked Q and left blank: 2021.');
    expect(desc).toContain('Not reported: 2024.');
    expect(desc).toContain('series break before 2023, definition v3 before 2025');
  });

  it('draws a point per value and breaks the line at every gap', () => {
    const svg = parseSvg(renderSvgChart(gapped, 'line'));
    expect(byClass(svg, 'point')).toHaveLength(4);
    const [line] = byClass(svg, 'series-line');
    // 2020 | 2022–2023 | 2025: three strokes, none across a suppressed or missing period.
    expect(line.attributes.d.match(/M/g)).toHaveLength(3);
    expect(line.attributes.d.match(/L/g)).toHaveLength(1);
  });

  it('draws no bar for a suppressed or missing period, and a Q where suppressed', () => {
    const svg = parseSvg(renderSvgChart(gapped, 'bar'));
    expect(byClass(svg, 'bar').map((b) => b.children[0].text)).toEqual([
      '2020: 10',
      '2022: 14',
      '2023: 15',
      '2025: 1,234.5',
    ]);
    expect(byClass(svg, 'series-line')).toEqual([]);
    expect(byClass(svg, 'suppressed')[0].children.map((q) => q.text)).toEqual(['Q']);
  });

  it('marks each series break and definition change with a dashed line and a label', () => {
    const svg = parseSvg(renderSvgChart(gapped, 'line'));
    const breaks = byClass(svg, 'series-break');
    expect(breaks).toHaveLength(2);
    expect(breaks.every((b) => b.attributes['stroke-dasharray'])).toBe(true);
    const labels = byClass(svg, 'breaks')[0].children.filter((e) => e.name === 'text');
    expect(labels.map((l) => l.text)).toEqual(['Series break', 'Definition v3']);
    expect(Number(breaks[0].attributes.x1)).toBeLessThan(Number(breaks[1].attributes.x1));
  });

  it('writes every figure in the city locale', () => {
    const svg = parseSvg(renderSvgChart({ ...gapped, locale: 'nl' }, 'line'));
    expect(only(svg, 'desc').text).toContain('last value 1.234,5 (2025)');
    const ticks = byClass(svg, 'y-axis')[0]
      .children.filter((e) => e.name === 'text')
      .map((t) => t.text);
    expect(ticks).toContain('1.000');
  });

  it('escapes names so the document stays well-formed and shows them as given', () => {
    const hostile = series([point('2024', 3)], {
      indicatorName: 'A <b>&amp; "x"</b> \u0001\'y\'',
      cityName: '<script>alert(1)</script>',
      unit: 'per <1000>',
    });
    const svg = parseSvg(renderSvgChart(hostile, 'line'));
    expect(only(svg, 'title').text).toBe('A <b>&amp; "x"</b> \'y\', <script>alert(1)</script>');
    expect(findAll(svg, (e) => e.name === 'script' || e.name === 'b')).toEqual([]);
    expect(only(svg, 'desc').text).toContain('Unit: per <1000>.');
  });

  it('says so when no period is left', () => {
    const svg = parseSvg(renderSvgChart(series([]), 'bar'));
    expect(only(svg, 'desc').text).toBe('No published values in the chosen periods. Unit: count.');
    expect(byClass(svg, 'bar')).toEqual([]);
  });

  it('uses colours of at least 4.5:1 against its background', () => {
    for (const colour of Object.values(PALETTE))
      expect(contrast(colour, BACKGROUND)).toBeGreaterThanOrEqual(4.5);
    const svg = renderSvgChart(gapped, 'line');
    const used = new Set(svg.match(/(?:fill|stroke)="(#[0-9a-f]{6})"/g)?.map((m) => m.slice(-8, -1)));
    expect([...used].filter((c) => !Object.values<string>(PALETTE).includes(c))).toEqual([
      BACKGROUND,
      expect.any(String), // the gridlines: decoration, the labels carry the values
    ]);
  });

  it('ticks round numbers from zero up past the largest value', () => {
    expect(valueTicks([3, 47])).toEqual([0, 10, 20, 30, 40, 50]);
    expect(valueTicks([])).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(valueTicks([-4, 2])).toEqual([-4, -2, 0, 2]);
  });

  it('describes a single period in the singular', () => {
    expect(describeChart(series([point('2024', 3)]), 'bar')).toMatch(
      /^Bar chart of 1 period from 2024 to 2024\./,
    );
  });
});

describe('chart words', () => {
  const gapped = series([
    point('2022', 14),
    point('2023', null, { suppressed: true }),
    point('2024', 1234.5, { series: 2 }),
  ]);

  it("writes the chart in the reader's language, its numbers in the locale", () => {
    const svg = parseSvg(renderSvgChart({ ...gapped, locale: 'it-IT', words: chartWords('it-IT') }, 'line'));
    expect(only(svg, 'desc').text).toBe(
      'Grafico a linee di 3 periodi dal 2022 al 2024. Primo valore 14 (2022), ultimo valore 1234,5 (2024). ' +
        'Unità: count. Oscurati per proteggere i piccoli numeri, indicati con Q e lasciati vuoti: 2023. ' +
        'I valori prima e dopo una linea tratteggiata non sono confrontabili: interruzione della serie prima del 2024.',
    );
    expect(byClass(svg, 'series-break')).toHaveLength(1);
  });

  it('falls back to English for a language it has no words in, and keeps ids apart by prefix', () => {
    expect(chartWords('fr').seriesBreak).toBe('Series break');
    const svg = parseSvg(renderSvgChart(gapped, 'bar', 'page-chart'));
    expect(svg.attributes['aria-labelledby']).toBe('page-chart-title page-chart-desc');
  });
});

describe('chart points', () => {
  const cell = (
    period: string,
    disaggregation: Record<string, string>,
    value: number | null,
    obsStatus = 'A',
  ): SeriesCell => ({
    period,
    disaggregation,
    value,
    obsStatus,
    definitionVersion: 1,
    series: 1,
  });
  const cells = [
    cell('2022', {}, 40),
    cell('2022', { sex: 'F' }, 20),
    cell('2023', {}, null, 'Q'),
    cell('2023', { sex: 'F' }, null, 'Q'),
    cell('2024', { sex: 'F', age: 'Y0T14' }, 2),
    cell('2024', { sex: 'M' }, 9),
  ];

  it('takes the total of every period, a gap where it is suppressed or missing', () => {
    expect(chartPoints(cells, {}).map((p) => [p.period, p.value, p.suppressed])).toEqual([
      ['2022', 40, false],
      ['2023', null, true],
      ['2024', null, false],
    ]);
  });

  it('takes the one-dimension cell of a disaggregation, not a cross-tabulation containing it', () => {
    const points = chartPoints(cells, { disaggregation: { dimension: 'sex', value: 'F' } });
    expect(points.map((p) => p.value)).toEqual([20, null, null]);
    expect(points[2].series).toBeNull();
  });

  it('keeps the periods within from and to, to including the periods inside it', () => {
    const quarterly = [
      cell('2023-Q4', {}, 1),
      cell('2024-Q1', {}, 2),
      cell('2024-Q4', {}, 3),
      cell('2025-Q1', {}, 4),
    ];
    expect(chartPoints(quarterly, { from: '2024', to: '2024' }).map((p) => p.period)).toEqual([
      '2024-Q1',
      '2024-Q4',
    ]);
  });
});
