import { DeciderSpecification } from '@rl/kernel/testing';
import { COORDINATOR, content, generated, pin, REPORT_ID, requested } from './testing/report-fixtures';
import { reportDecider } from './report.decider';

const spec = DeciderSpecification.for(reportDecider);
const request = (overrides: Record<string, unknown> = {}) => ({
  type: 'RequestReport' as const,
  reportId: REPORT_ID,
  year: 2024,
  title: '  Human rights in Ghent, 2024 ',
  requestedBy: COORDINATOR,
  currentYear: 2025,
  ...overrides,
});
const fieldsOf = (error: { errors?: { field: string }[] }) => (error.errors ?? []).map((e) => e.field);

describe('report decider', () => {
  it('records a request with every section by default, the title trimmed', () => {
    spec
      .given()
      .when(request())
      .then([
        {
          type: 'ReportRequested',
          data: {
            reportId: REPORT_ID,
            year: 2024,
            title: 'Human rights in Ghent, 2024',
            sections: ['summary', 'indicators', 'completeness', 'meetings', 'budget'],
            requestedBy: COORDINATOR,
          },
        },
      ]);
  });

  it('keeps the sections asked for in their canonical order, once each', () => {
    spec
      .given()
      .when(request({ sections: ['budget', 'summary', 'budget'] }))
      .then([
        expect.objectContaining({ data: expect.objectContaining({ sections: ['summary', 'budget'] }) }),
      ]);
  });

  it.each([
    [{ year: 2026 }, ['year']],
    [{ year: 1899 }, ['year']],
    [{ year: 2024.5 }, ['year']],
    [{ title: '   ' }, ['title']],
    [{ title: 'x'.repeat(201) }, ['title']],
    [{ sections: ['summary', 'gossip'] }, ['sections']],
    [{ sections: [] }, ['sections']],
    [{ year: 3000, title: '' }, ['year', 'title']],
  ])('refuses %j naming %j', (overrides, fields) => {
    spec
      .given()
      .when(request(overrides))
      .thenThrows('REPORT.INVALID', (error) => expect(fieldsOf(error)).toEqual(fields));
  });

  it('records a generation once, and a failure only while queued', () => {
    const command = {
      type: 'RecordGeneration' as const,
      pin: pin(),
      contentHash: 'b'.repeat(64),
      content: content(),
    };
    spec.given([requested()]).when(command).then([generated()]);
    spec.given([requested(), generated()]).when(command).thenThrows('REPORT.ALREADY_GENERATED');
    spec
      .given([requested(), generated()])
      .when({ type: 'RecordFailure', reason: 'late' })
      .thenThrows('REPORT.ALREADY_GENERATED');
    spec
      .given([requested()])
      .when({ type: 'RecordFailure', reason: 'no city' })
      .then([{ type: 'ReportFailed', data: { reportId: REPORT_ID, reason: 'no city' } }]);
  });

  it('publishes a generated report once; not one still queued, failed or unknown', () => {
    const publish = { type: 'PublishReport' as const };
    spec
      .given([requested(), generated()])
      .when(publish)
      .then([{ type: 'ReportPublished', data: { reportId: REPORT_ID } }]);
    spec
      .given([requested(), generated(), { type: 'ReportPublished', data: { reportId: REPORT_ID } }])
      .when(publish)
      .thenNothingHappens();
    spec.given([requested()]).when(publish).thenThrows('REPORT.NOT_GENERATED');
    spec
      .given([requested(), { type: 'ReportFailed', data: { reportId: REPORT_ID, reason: 'x' } }])
      .when(publish)
      .thenThrows('REPORT.NOT_GENERATED');
    spec.given().when(publish).thenThrows('REPORT.NOT_FOUND');
  });
});
