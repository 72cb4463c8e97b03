import { ChartPoint, ChartSeries, ChartType, ChartWords } from './chart-series';
import { ENGLISH_CHART_WORDS } from './chart-words';

// A standalone SVG chart of one series, for an <img> on any site: no script, no external resource, a
// fixed viewBox that scales to the box it is given, text and marks dark enough on its own white
// background (each colour ≥ 4.5:1 against it), every figure in the city's number format.
export const VIEW = { width: 640, height: 360 } as const;
const PLOT = { left: 72, right: VIEW.width - 24, top: 64, bottom: VIEW.height - 64 } as const;

export const BACKGROUND = '#ffffff';
export const PALETTE = {
  text: '#1a1a1a',
  axis: '#595959',
  series: '#1f4e9c',
  break: '#a33a00',
  suppressed: '#b00020',
} as const;
// Gridlines only help the eye; the axis labels carry the values.
const GRID = '#e0e0e0';

const HEADING_MAX = 80;

// XML 1.0 forbids these characters even escaped; a name carrying one must not break the document.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function xmlEscape(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export interface SeriesBreak {
  // The first point after the break.
  index: number;
  label: string;
}

// A break before a point whose series number or definition version differs from the last reported one.
export function seriesBreaks(
  points: readonly ChartPoint[],
  words: ChartWords = ENGLISH_CHART_WORDS,
): SeriesBreak[] {
  const breaks: SeriesBreak[] = [];
  let last: ChartPoint | null = null;
  points.forEach((p, index) => {
    if (p.series === null) return;
    if (last) {
      if (p.series !== last.series) breaks.push({ index, label: words.seriesBreak });
      else if (p.definitionVersion !== last.definitionVersion)
        breaks.push({ index, label: words.definitionVersion(p.definitionVersion ?? 1) });
    }
    last = p;
  });
  return breaks;
}

const round = (n: number) => Math.round(n * 10) / 10;

function niceStep(raw: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const f = raw / magnitude;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * magnitude;
}

// Round ticks covering the values and zero (bars stand on zero).
export function valueTicks(values: readonly number[]): number[] {
  let lo = Math.min(0, ...values);
  let hi = Math.max(0, ...values);
  if (hi === lo) hi = lo + 1;
  const step = niceStep((hi - lo) / 5);
  lo = Math.floor(lo / step) * step;
  hi = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let i = 0; lo + i * step <= hi + step / 2; i++) ticks.push(Number((lo + i * step).toPrecision(12)));
  return ticks;
}

function numberFormat(locale: string): Intl.NumberFormat {
  try {
    return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  } catch {
    return new Intl.NumberFormat('en', { maximumFractionDigits: 2 });
  }
}

const truncate = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function titleOf(s: ChartSeries): string {
  const what = s.disaggregation ? `${s.indicatorName} (${s.disaggregation})` : s.indicatorName;
  return `${what}, ${s.cityName}`;
}

// The text an assistive technology reads instead of the picture: what the picture shows, in words.
export function describe(s: ChartSeries, type: ChartType): string {
  const fmt = numberFormat(s.locale);
  const words = s.words ?? ENGLISH_CHART_WORDS;
  const { points } = s;
  if (points.length === 0) return `${words.noValues}. ${words.unit(s.unit)}`;
  const valued = points.filter((p) => p.value !== null);
  const sentences = [words.chartOf(type, points.length, points[0].period, points[points.length - 1].period)];
  if (valued.length > 0) {
    const first = valued[0];
    const last = valued[valued.length - 1];
    sentences.push(
      words.firstLast(fmt.format(first.value!), first.period, fmt.format(last.value!), last.period),
    );
  } else sentences.push(words.noValueShown);
  sentences.push(words.unit(s.unit));
  const suppressed = points.filter((p) => p.suppressed).map((p) => p.period);
  if (suppressed.length > 0) sentences.push(words.suppressed(suppressed.join(', ')));
  const missing = points.filter((p) => p.value === null && !p.suppressed).map((p) => p.period);
  if (missing.length > 0) sentences.push(words.notReported(missing.join(', ')));
  const breaks = seriesBreaks(points, words);
  if (breaks.length > 0)
    sentences.push(
      words.breaks(breaks.map((b) => words.breakBefore(b.label, points[b.index].period)).join(', ')),
    );
  return sentences.join(' ');
}

const text = (x: number, y: number, content: string, attributes = '') =>
  `<text x="${round(x)}" y="${round(y)}"${attributes ? ` ${attributes}` : ''}>${xmlEscape(content)}</text>`;

// ids: an SVG inlined in a page must not repeat the ids of another one there.
export function renderSvgChart(s: ChartSeries, type: ChartType, idPrefix = 'rl-chart'): string {
  const fmt = numberFormat(s.locale);
  const words = s.words ?? ENGLISH_CHART_WORDS;
  const [titleId, descId] = [`${idPrefix}-title`, `${idPrefix}-desc`];
  const { points } = s;
  const values = points.flatMap((p) => (p.value === null ? [] : [p.value]));
  const ticks = valueTicks(values);
  const [lo, hi] = [ticks[0], ticks[ticks.length - 1]];
  const y = (v: number) => PLOT.bottom - ((v - lo) / (hi - lo)) * (PLOT.bottom - PLOT.top);
  const band = (PLOT.right - PLOT.left) / Math.max(1, points.length);
  const x = (i: number) => PLOT.left + (i + 0.5) * band;

  const parts: string[] = [
    `<rect width="${VIEW.width}" height="${VIEW.height}" fill="${BACKGROUND}"/>`,
    text(
      16,
      26,
      truncate(titleOf(s), HEADING_MAX),
      `font-size="15" font-weight="bold" fill="${PALETTE.text}"`,
    ),
    text(16, 46, truncate(s.unit, HEADING_MAX), `fill="${PALETTE.axis}"`),
  ];

  parts.push(`<g class="y-axis" fill="${PALETTE.axis}" text-anchor="end">`);
  for (const t of ticks) {
    parts.push(
      `<line x1="${PLOT.left}" x2="${PLOT.right}" y1="${round(y(t))}" y2="${round(y(t))}" stroke="${GRID}"/>`,
      text(PLOT.left - 8, y(t) + 4, fmt.format(t)),
    );
  }
  parts.push(
    `<line x1="${PLOT.left}" x2="${PLOT.left}" y1="${PLOT.top}" y2="${PLOT.bottom}" stroke="${PALETTE.axis}"/>`,
    '</g>',
  );

  // Every period has a tick; labels thin out so they never overlap.
  const every = Math.ceil(points.length / Math.max(1, Math.floor((PLOT.right - PLOT.left) / 56)));
  parts.push(`<g class="x-axis" fill="${PALETTE.axis}" text-anchor="middle">`);
  parts.push(
    `<line x1="${PLOT.left}" x2="${PLOT.right}" y1="${round(y(0))}" y2="${round(y(0))}" stroke="${PALETTE.axis}"/>`,
  );
  points.forEach((p, i) => {
    parts.push(
      `<line x1="${round(x(i))}" x2="${round(x(i))}" y1="${PLOT.bottom}" y2="${PLOT.bottom + 4}" stroke="${PALETTE.axis}"/>`,
    );
    if (i % every === 0) parts.push(text(x(i), PLOT.bottom + 18, p.period));
  });
  parts.push('</g>');

  const breaks = seriesBreaks(points, words);
  parts.push(`<g class="breaks" fill="${PALETTE.break}" font-size="11">`);
  for (const b of breaks) {
    const bx = PLOT.left + b.index * band;
    parts.push(
      `<line class="series-break" x1="${round(bx)}" x2="${round(bx)}" y1="${PLOT.top - 8}" y2="${PLOT.bottom}" stroke="${PALETTE.break}" stroke-width="1.5" stroke-dasharray="5 4"/>`,
      text(bx + 4, PLOT.top - 10, b.label),
    );
  }
  parts.push('</g>');

  parts.push(`<g class="data" fill="${PALETTE.series}">`);
  if (type === 'line') {
    // A gap (suppressed or not reported) starts a new stroke: the line never bridges a missing value.
    let d = '';
    let drawing = false;
    points.forEach((p, i) => {
      if (p.value === null) return void (drawing = false);
      d += `${drawing ? 'L' : 'M'}${round(x(i))} ${round(y(p.value))} `;
      drawing = true;
    });
    if (d)
      parts.push(
        `<path class="series-line" d="${d.trim()}" fill="none" stroke="${PALETTE.series}" stroke-width="2.5"/>`,
      );
  }
  const barWidth = Math.min(48, band * 0.7);
  points.forEach((p, i) => {
    if (p.value === null) return;
    const label = `<title>${xmlEscape(`${p.period}: ${fmt.format(p.value)}`)}</title>`;
    if (type === 'line')
      parts.push(
        `<circle class="point" cx="${round(x(i))}" cy="${round(y(p.value))}" r="3.5">${label}</circle>`,
      );
    else {
      const [top, bottom] = [Math.min(y(p.value), y(0)), Math.max(y(p.value), y(0))];
      parts.push(
        `<rect class="bar" x="${round(x(i) - barWidth / 2)}" y="${round(top)}" width="${round(barWidth)}" height="${round(bottom - top)}">${label}</rect>`,
      );
    }
  });
  parts.push('</g>');

  parts.push(`<g class="suppressed" fill="${PALETTE.suppressed}" font-weight="bold" text-anchor="middle">`);
  points.forEach((p, i) => {
    if (p.suppressed) parts.push(text(x(i), y(0) - 6, 'Q'));
  });
  parts.push('</g>');

  const legend: string[] = [];
  if (points.length === 0) legend.push(words.noValues);
  if (points.some((p) => p.suppressed)) legend.push(words.suppressedLegend);
  if (breaks.length > 0) legend.push(words.breakLegend);
  if (legend.length > 0) parts.push(text(16, VIEW.height - 14, legend.join(' · '), `fill="${PALETTE.text}"`));

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${VIEW.width} ${VIEW.height}" width="100%" height="100%" ` +
      `preserveAspectRatio="xMidYMid meet" role="img" aria-labelledby="${titleId} ${descId}" ` +
      `font-family="Arial, Helvetica, sans-serif" font-size="12">`,
    `<title id="${titleId}">${xmlEscape(titleOf(s))}</title>`,
    `<desc id="${descId}">${xmlEscape(describe(s, type))}</desc>`,
    ...parts,
    '</svg>',
  ].join('\n');
}
