import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { PublicErratum } from '../content/errata';
import { CommentBodies, ReportContent } from '../domain/report-content';
import { cellLabel, SECTION_TITLES, trendChart } from './report-charts';

// DejaVu covers far more than the standard fonts' Latin-1 (city and organisation names in any script);
// Helvetica where it is not installed.
const DEJAVU = '/usr/share/fonts/truetype/dejavu';
const FONTS = existsSync(`${DEJAVU}/DejaVuSans.ttf`)
  ? { body: `${DEJAVU}/DejaVuSans.ttf`, bold: `${DEJAVU}/DejaVuSans-Bold.ttf` }
  : { body: 'Helvetica', bold: 'Helvetica-Bold' };
const CHART = { width: 480, height: 270 };

const shown = (v: number | null) => (v === null ? 'Q' : String(v));

// The PDF of a report, deterministic: the document's dates are the pinned instant and its file ID is
// derived from its info (pdfkit hashes the info), so the same content (and comment words) gives the same
// bytes. The errata follow the report, outside its hashed content, as in the HTML.
export function renderReportPdf(
  c: ReportContent,
  contentHash: string,
  errata: readonly PublicErratum[],
  bodies: CommentBodies,
): Promise<Buffer> {
  const pinned = new Date(c.pin.generatedAt);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    lang: c.city.locale,
    displayTitle: true,
    info: {
      Title: `${c.title} — ${c.city.name} ${c.year}`,
      Subject: `Annual report ${c.year}, content hash ${contentHash}`,
      CreationDate: pinned,
      ModDate: pinned,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const heading = (text: string, size: number) => {
    doc.moveDown(0.5).font(FONTS.bold).fontSize(size).text(text).font(FONTS.body).fontSize(10);
  };
  const line = (text: string) => doc.text(text);

  heading(c.title, 20);
  line(`${c.city.name}, annual report ${c.year}`);
  line(`Pinned to log position ${c.pin.position}, head hash ${c.pin.headHash}, at ${c.pin.generatedAt}.`);
  const cp = c.pin.checkpoint;
  line(
    cp
      ? `Signed checkpoint: position ${cp.position}, hash ${cp.headHash}, signed ${cp.signedAt} (key ${cp.keyId}).`
      : 'No signed checkpoint at or before this position.',
  );
  line(`Content hash: ${contentHash}`);
  if (c.summary) {
    heading(SECTION_TITLES.summary, 14);
    line(`Public indicators: ${c.summary.publicIndicators}`);
    line(`Values validated for ${c.year}: ${c.summary.valuesValidated}`);
    line(`Organisations: ${c.summary.organisations}`);
  }
  if (c.rights) {
    heading(SECTION_TITLES.indicators, 14);
    for (const right of c.rights) {
      heading(right.right, 12);
      for (const i of right.indicators) {
        heading(`${i.code} — ${i.name} (${i.unit})`, 11);
        if (i.trend.length > 0) {
          if (doc.y + CHART.height > doc.page.height - 50) doc.addPage();
          SVGtoPDF(doc, trendChart(c, i), doc.x, doc.y, CHART);
          doc.y += CHART.height;
        }
        for (const cell of i.cells)
          line(`${cell.period} · ${cellLabel(cell.disaggregation)}: ${shown(cell.value)}`);
        for (const comment of i.comments) {
          const body = bodies.get(comment.id);
          if (body !== undefined) line(`Interpretation: ${body}`);
        }
      }
    }
  }
  if (c.completeness) {
    heading(SECTION_TITLES.completeness, 14);
    for (const o of c.completeness)
      line(
        `${o.organisation}: ${o.validated} validated, ${o.submitted} submitted of ${o.expected} expected, ${o.late} late`,
      );
  }
  if (c.meetings) {
    heading(SECTION_TITLES.meetings, 14);
    for (const m of c.meetings) {
      line(`${m.startsAt.slice(0, 10)} ${m.title} (${m.status})`);
      for (const d of m.decisions) line(`  Decision: ${d.text}`);
    }
  }
  if (c.budget) {
    heading(SECTION_TITLES.budget, 14);
    for (const b of c.budget)
      line(
        `${b.code} ${b.title}: ${b.amount} ${b.currency} (committed ${b.committed}); indicators ${b.indicators.join(', ') || 'none'}`,
      );
  }
  heading('Errata', 14);
  if (errata.length === 0) line('No value this report used has been corrected since.');
  for (const e of errata)
    line(
      `${e.indicatorCode} ${e.period} · ${cellLabel(e.disaggregation)}: ${shown(e.oldValue)} → ${shown(e.newValue)} ` +
        `(corrected ${e.correctedAt}: ${e.reason})`,
    );
  doc.end();
  return done;
}
