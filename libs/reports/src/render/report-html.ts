import { describeChart, xmlEscape as esc } from '@rl/embed';
import { PublicErratum } from '../content/errata';
import { CommentBodies, ReportContent, ReportIndicator } from '../domain/report-content';
import { cellLabel, SECTION_TITLES, trendChart, trendSeries } from './report-charts';

const value = (v: number | null) => (v === null ? 'Q (suppressed)' : String(v));

const table = (caption: string, head: string[], rows: (string | number)[][]) =>
  rows.length === 0
    ? `<p>${esc(caption)}: none.</p>`
    : `<table><caption>${esc(caption)}</caption><thead><tr>${head
        .map((h) => `<th scope="col">${esc(h)}</th>`)
        .join('')}</tr></thead><tbody>${rows
        .map((r) => `<tr>${r.map((c) => `<td>${esc(String(c))}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;

// An <img> of the SVG rather than the SVG inline: each chart names its title and description by fixed
// ids, which must stay unique in one page.
function indicatorHtml(content: ReportContent, i: ReportIndicator, bodies: CommentBodies): string {
  const comments = i.comments.flatMap((c) => bodies.get(c.id) ?? []);
  const chart = Buffer.from(trendChart(content, i)).toString('base64');
  const alt = describeChart(trendSeries(content, i), 'line');
  return [
    `<section><h4>${esc(i.code)} — ${esc(i.name)}</h4>`,
    i.trend.length > 0
      ? `<img src="data:image/svg+xml;base64,${chart}" alt="${esc(alt)}" width="640" height="360">`
      : '',
    table(
      `Values of ${content.year} (${i.unit})`,
      ['Period', 'Disaggregation', 'Value', 'Status'],
      i.cells.map((c) => [c.period, cellLabel(c.disaggregation), value(c.value), c.obsStatus]),
    ),
    i.disclosure
      ? `<p>Counts below ${i.disclosure.minCount} are suppressed (Q) to protect small numbers.</p>`
      : '',
    comments.length > 0
      ? `<h5>Interpretation</h5><ul>${comments.map((body) => `<li>${esc(body)}</li>`).join('')}</ul>`
      : '',
    '</section>',
  ].join('');
}

function sectionsHtml(c: ReportContent, bodies: CommentBodies): string[] {
  const parts: string[] = [];
  if (c.summary)
    parts.push(
      `<section><h2>${SECTION_TITLES.summary}</h2><ul><li>Public indicators: ${c.summary.publicIndicators}</li>` +
        `<li>Values validated for ${c.year}: ${c.summary.valuesValidated}</li>` +
        `<li>Organisations: ${c.summary.organisations}</li></ul></section>`,
    );
  if (c.rights)
    parts.push(
      `<section><h2>${SECTION_TITLES.indicators}</h2>${c.rights
        .map(
          (r) =>
            `<section><h3>${esc(r.right)}</h3>${r.indicators.map((i) => indicatorHtml(c, i, bodies)).join('')}</section>`,
        )
        .join('')}</section>`,
    );
  if (c.completeness)
    parts.push(
      `<section><h2>${SECTION_TITLES.completeness}</h2>${table(
        `Assignments of ${c.year}'s periods per organisation`,
        ['Organisation', 'Expected', 'Submitted', 'Validated', 'Late'],
        c.completeness.map((o) => [o.organisation, o.expected, o.submitted, o.validated, o.late]),
      )}</section>`,
    );
  if (c.meetings)
    parts.push(
      `<section><h2>${SECTION_TITLES.meetings}</h2>${table(
        `Meetings of ${c.year}`,
        ['Date', 'Meeting', 'Status', 'Decisions'],
        c.meetings.map((m) => [
          m.startsAt.slice(0, 10),
          m.title,
          m.status,
          m.decisions.map((d) => d.text).join(' · '),
        ]),
      )}</section>`,
    );
  if (c.budget)
    parts.push(
      `<section><h2>${SECTION_TITLES.budget}</h2>${table(
        `Public budget lines of ${c.year}`,
        ['Code', 'Title', 'Amount', 'Committed', 'Indicators'],
        c.budget.map((b) => [
          b.code,
          b.title,
          `${b.amount} ${b.currency}`,
          `${b.committed} ${b.currency}`,
          b.indicators.join(', '),
        ]),
      )}</section>`,
    );
  return parts;
}

const pinHtml = (c: ReportContent, contentHash: string) => {
  const cp = c.pin.checkpoint;
  return (
    `<p>Pinned to position ${c.pin.position} of the city's event log, head hash <code>${c.pin.headHash}</code>, ` +
    `at ${c.pin.generatedAt}. ` +
    (cp
      ? `Latest signed checkpoint: position ${cp.position}, hash <code>${cp.headHash}</code>, signed ${cp.signedAt} by key ${esc(cp.keyId)}. `
      : 'No signed checkpoint at or before this position. ') +
    `Content hash (SHA-256 of the canonical content): <code>${contentHash}</code>.</p>`
  );
};

// The errata sit outside the hashed content: the report's text never changes, its corrections are
// listed after it.
const errataHtml = (errata: readonly PublicErratum[]) =>
  `<section id="errata"><h2>Errata</h2>${table(
    'Later corrections of values this report used',
    ['Indicator', 'Period', 'Disaggregation', 'Reported', 'Corrected', 'When', 'Why'],
    errata.map((e) => [
      e.indicatorCode,
      e.period,
      cellLabel(e.disaggregation),
      value(e.oldValue),
      value(e.newValue),
      e.correctedAt,
      e.reason,
    ]),
  )}</section>`;

export function renderReportHtml(
  c: ReportContent,
  contentHash: string,
  errata: readonly PublicErratum[],
  bodies: CommentBodies,
): string {
  return [
    `<!doctype html><html lang="${esc(c.city.locale)}"><head><meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${esc(c.title)} — ${esc(c.city.name)} ${c.year}</title>`,
    `<style>body{font-family:sans-serif;max-width:56rem;margin:auto;padding:1rem;color:#1a1a1a}` +
      `table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #595959;padding:.25rem .5rem;text-align:left}` +
      `caption{font-weight:bold;text-align:left}img{max-width:100%;height:auto}</style></head><body><main>`,
    `<h1>${esc(c.title)}</h1><p>${esc(c.city.name)}, annual report ${c.year}.</p>`,
    pinHtml(c, contentHash),
    ...sectionsHtml(c, bodies),
    errataHtml(errata),
    '</main></body></html>',
  ].join('\n');
}
