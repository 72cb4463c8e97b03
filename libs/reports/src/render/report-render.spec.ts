import { content } from '../domain/testing/report-fixtures';
import { renderReportHtml } from './report-html';
import { renderReportPdf } from './report-pdf';

const hash = 'c'.repeat(64);
const COMMENT_ID = '01929a00-0000-7000-8000-00000000c0c1';
const withComment = () => {
  const c = content({ title: 'Rights & <wrongs>' });
  c.rights![0].indicators[0].comments = [{ id: COMMENT_ID, createdAt: '2025-01-02T00:00:00.000Z' }];
  return c;
};
const bodies = new Map([[COMMENT_ID, 'Evictions fell <after> the new desk opened']]);

describe('report renderings', () => {
  it('writes an HTML page in the city language with its headings, captioned tables and errata after it', () => {
    const erratum = {
      indicatorCode: 'EV-1',
      period: '2024',
      disaggregation: {},
      oldValue: 40,
      newValue: 44,
      correctedAt: '2025-02-01T09:00:00.000Z',
      reason: 'Superseded <b>',
    };
    const html = renderReportHtml(withComment(), hash, [erratum], bodies);
    expect(html).toContain('<html lang="nl-BE">');
    expect(html).toContain('<h1>Rights &amp; &lt;wrongs&gt;</h1>');
    expect(html).toContain('<h2>Summary</h2>');
    expect(html).toContain('<h4>EV-1 — Evictions</h4>');
    expect(html).toMatch(
      /<img src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+" alt="Line chart of 2 periods/,
    );
    expect(html).toContain('<th scope="col">Value</th>');
    expect(html).toContain(hash);
    expect(html.indexOf('<h2>Errata</h2>')).toBeGreaterThan(html.indexOf('<h4>EV-1'));
    expect(html).toContain('<td>Superseded &lt;b&gt;</td>');
    expect(html).toContain('<li>Evictions fell &lt;after&gt; the new desk opened</li>');
    // An erased or retracted comment has no words to show.
    expect(renderReportHtml(withComment(), hash, [], new Map())).not.toContain('Interpretation');
  });

  it('writes the same PDF bytes for the same content, dated at the pinned instant (no wall clock)', async () => {
    const first = await renderReportPdf(content(), hash, [], new Map());
    expect(first.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await renderReportPdf(content(), hash, [], new Map())).equals(first)).toBe(true);
    expect(first.toString('latin1')).toMatch(/\/Type \/Page\b/);
    // Generated at wall-clock time instead, the dates and file ID would differ between two runs.
  });

  it('adds the errata to the PDF after the report, still deterministic', async () => {
    const erratum = {
      indicatorCode: 'EV-1',
      period: '2024',
      disaggregation: { sex: 'F' },
      oldValue: null,
      newValue: 44,
      correctedAt: '2025-02-01T09:00:00.000Z',
      reason: 'Superseded by validated submission',
    };
    const plain = await renderReportPdf(content(), hash, [], new Map());
    const corrected = await renderReportPdf(content(), hash, [erratum], new Map());
    expect(corrected.equals(plain)).toBe(false);
    expect((await renderReportPdf(content(), hash, [erratum], new Map())).equals(corrected)).toBe(true);
  });
});
