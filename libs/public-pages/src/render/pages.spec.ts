import { renderCityPage } from './city-page';
import { IndicatorPageView, renderIndicatorPage } from './indicator-page';
import { pageContext } from './page-context';

const ctx = pageContext(
  { slug: 'ghent', name: 'Ghent <b>' },
  'nl',
  'nl-BE',
  'https://creativecommons.org/licenses/by/4.0/',
);
const en = (text: string) => ({ text, lang: 'en' });

const indicator: IndicatorPageView = {
  code: 'HO-1',
  name: en('Evictions <script>'),
  description: { text: 'Uitzettingen door deurwaarders', lang: 'nl' },
  right: 'adequate-housing',
  unit: 'count',
  direction: 'lower_is_better',
  frameworkRefs: ['SDG:11.1.1'],
  sources: [],
  methodology: null,
  chart: '<svg role="img"></svg>',
  totals: [
    { period: '2023', value: 1250, suppressed: false },
    { period: '2024', value: null, suppressed: true },
  ],
  breaks: [],
  disaggregations: {
    columns: ['sex: F'],
    rows: [
      { period: '2023', cells: [{ period: '2023', value: 620, suppressed: false }] },
      { period: '2024', cells: [null] },
    ],
  },
  submitters: ['Shelter "x"'],
  terms: [{ label: en('Eviction'), definition: en('Removal of <people>') }],
  comments: [
    {
      body: '<img src=x onerror=alert(1)>',
      author: 'Shelter, onderzoeker',
      createdAt: new Date('2026-03-02T10:00:00Z'),
    },
  ],
  datasets: [{ title: 'Register', description: 'd', licence: 'CC-BY-4.0', accessUrl: 'javascript:alert(1)' }],
  projects: [
    {
      title: 'Housing first',
      organisation: 'Shelter',
      amount: 125000.5,
      currency: 'EUR',
      expected: 'fewer evictions',
    },
  ],
};

describe('indicator page', () => {
  const page = renderIndicatorPage(ctx, indicator, '/cities/ghent/indicators/HO-1');

  it('writes a suppressed cell as a gap and numbers and dates in the locale', () => {
    expect(page).toContain(
      '<th scope="row">2024</th><td class="num"><span class="gap">niet gepubliceerd (kleine aantallen)</span></td>',
    );
    expect(page).toContain('1.250');
    expect(page).toContain('125.000,5 EUR');
    expect(page).toContain('2 maart 2026');
    expect(page).toContain('lager is beter');
  });

  it('tags text in another language and escapes every name', () => {
    expect(page).toContain('<h1><span lang="en">Evictions &lt;script&gt;</span>');
    expect(page).toContain('<dd>Uitzettingen door deurwaarders</dd>');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page).toContain('Shelter &quot;x&quot;');
    expect(page).not.toMatch(/<script|<img|<b>/);
  });

  it('never turns a non-web URL into a link', () => {
    expect(page).not.toContain('javascript:');
    expect(page).toContain('<li>Register — d');
  });

  it('gives every table a caption and header cells with scope', () => {
    expect(page.match(/<table>/g)).toHaveLength(2);
    expect(page.match(/<caption>/g)).toHaveLength(2);
    expect(page).not.toMatch(/<th(?! scope="(col|row)")[ >]/);
  });
});

describe('city page', () => {
  it('groups indicators by right with latest value and trend, and says when nothing is published', () => {
    const page = renderCityPage(
      ctx,
      {
        rights: [
          {
            right: 'adequate-housing',
            indicators: [
              {
                code: 'HO-1',
                name: en('Evictions'),
                unit: 'count',
                latest: { period: '2024', value: null, suppressed: true },
                previous: { period: '2023', value: 1250, suppressed: false },
                submitters: [],
                terms: [],
              },
            ],
          },
        ],
        reports: [],
      },
      '/cities/ghent',
    );
    expect(page).toMatch(/^<!doctype html>\n<html lang="nl">/);
    expect(page).toContain('<h1>Mensenrechtenindicatoren van Ghent &lt;b&gt;</h1>');
    expect(page).toContain('Adequate housing</h2>');
    expect(page).toContain(
      '1.250 (2023) → <span class="gap">niet gepubliceerd (kleine aantallen)</span> (2024)',
    );
    expect(renderCityPage(ctx, { rights: [], reports: [] }, '/cities/ghent')).toContain(
      'Deze stad publiceert nog geen indicatoren.',
    );
    expect(page).not.toContain('Jaarverslagen');
  });

  it('links the published annual reports, their titles escaped', () => {
    const reports = [{ id: 'r-1', year: 2025, title: 'Verslag <2025>' }];
    const page = renderCityPage(ctx, { rights: [], reports }, '/cities/ghent');
    expect(page).toContain('<h2 id="reports">Jaarverslagen</h2>');
    expect(page).toContain(
      '<li>Verslag &lt;2025&gt; (2025): <a href="/v1/cities/ghent/reports/r-1/report.html">online lezen',
    );
    expect(page).toContain('<a href="/v1/cities/ghent/reports/r-1/report.pdf">PDF');
  });
});
