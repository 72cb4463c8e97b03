import { DeciderSpecification } from '@rl/kernel/testing';
import { aDataset, anAssessment, catalogued, DATASET_ID, OWNER_ID } from './testing/dataset-fixtures';
import { datasetDecider } from './dataset.decider';

const spec = DeciderSpecification.for(datasetDecider);
const OTHER_ORG = '0192f0aa-0000-7000-8000-0000000000b2';
const { sector: _, ...input } = aDataset();
const catalogue = (overrides: object = {}) => ({
  type: 'CatalogueDataset' as const,
  datasetId: DATASET_ID,
  details: input,
  ownerKind: 'local_authority',
  ...overrides,
});

describe('dataset decider', () => {
  describe('cataloguing', () => {
    it('records the entry with the sector its owner implies and the licence as SPDX spells it', () => {
      spec
        .given([])
        .when(
          catalogue({
            details: { ...input, licence: 'cc-by-4.0', title: '  Social  housing waiting list ' },
          }),
        )
        .then([catalogued()]);
    });

    it('records a first assessment with the entry', () => {
      spec
        .given([])
        .when(catalogue({ assessment: { assessmentId: 'a1', ...anAssessment({ summary: ' Keep it ' }) } }))
        .then([
          catalogued(),
          {
            type: 'DatasetAssessed',
            data: { datasetId: DATASET_ID, assessmentId: 'a1', ...anAssessment({ summary: 'Keep it' }) },
          },
        ]);
    });

    it('keeps a sector named explicitly', () => {
      spec
        .given([])
        .when(catalogue({ details: { ...input, sector: 'academic' }, ownerKind: 'service_provider' }))
        .then([catalogued(aDataset({ sector: 'academic' }))]);
    });

    it('asks for the sector when the owner is of a kind that implies none', () => {
      spec
        .given([])
        .when(catalogue({ ownerKind: 'service_provider' }))
        .thenThrows('DATASET.SECTOR_REQUIRED', (e) => expect(e.errors[0].field).toBe('sector'));
    });

    it('refuses a licence that is no SPDX id, naming licence', () => {
      spec
        .given([])
        .when(catalogue({ details: { ...input, licence: 'Free to use' } }))
        .thenThrows('DATASET.UNKNOWN_LICENCE', (e) =>
          expect(e.errors).toEqual([expect.objectContaining({ field: 'licence' })]),
        );
    });

    it('refuses an owner that is no organisation of the city', () => {
      spec
        .given([])
        .when(catalogue({ ownerKind: null }))
        .thenThrows('DATASET.UNKNOWN_ORGANISATION', (e) => expect(e.errors[0].field).toBe('owner'));
    });

    it("lets a collector catalogue only their own organisation's datasets", () => {
      spec
        .given([])
        .when(catalogue({ actingFor: OWNER_ID }))
        .then([catalogued()]);
      spec
        .given([])
        .when(catalogue({ actingFor: OTHER_ORG }))
        .thenThrows('DATASET.NOT_OWN_ORGANISATION');
      spec
        .given([])
        .when(catalogue({ actingFor: null }))
        .thenThrows('DATASET.NOT_OWN_ORGANISATION');
    });

    it('names every field at fault: blank title, bad address, coverage backwards, bad NUTS code', () => {
      spec
        .given([])
        .when(
          catalogue({
            details: {
              ...input,
              title: ' ',
              accessUrl: 'javascript:alert(1)',
              temporalCoverage: { from: '2024-01-01', to: '2023-12-31' },
              spatialCoverage: { scheme: 'NUTS', code: 'Ghent-1' },
            },
          }),
        )
        .thenThrows('DATASET.INVALID', (e) =>
          expect(e.errors.map((f) => f.field)).toEqual([
            'title',
            'accessUrl',
            'temporalCoverage.to',
            'spatialCoverage.code',
          ]),
        );
    });

    it('refuses to catalogue the same dataset twice', () => {
      spec.given([catalogued()]).when(catalogue()).thenThrows('DATASET.ALREADY_EXISTS');
    });
  });

  describe('revising', () => {
    it('records only the fields that change, null clearing an optional one', () => {
      spec
        .given([catalogued(aDataset({ format: 'CSV' }))])
        .when({
          type: 'ReviseDataset',
          changes: { title: 'Waiting list', format: null, licence: 'CC-BY-4.0' },
        })
        .then([
          {
            type: 'DatasetRevised',
            data: { datasetId: DATASET_ID, changes: { title: 'Waiting list', format: null } },
          },
        ]);
    });

    it('derives the sector again when the owner moves to an organisation of another kind', () => {
      spec
        .given([catalogued()])
        .when({ type: 'ReviseDataset', changes: { owner: OTHER_ORG }, ownerKind: 'cso' })
        .then([
          {
            type: 'DatasetRevised',
            data: { datasetId: DATASET_ID, changes: { owner: OTHER_ORG, sector: 'cso' } },
          },
        ]);
    });

    it('records nothing when nothing changes', () => {
      spec
        .given([catalogued()])
        .when({ type: 'ReviseDataset', changes: { title: 'Social housing waiting list' } })
        .thenNothingHappens();
    });

    it("refuses a collector another organisation's dataset, or giving theirs away", () => {
      spec
        .given([catalogued()])
        .when({ type: 'ReviseDataset', changes: { title: 'X' }, actingFor: OTHER_ORG })
        .thenThrows('DATASET.NOT_OWN_ORGANISATION');
      spec
        .given([catalogued()])
        .when({ type: 'ReviseDataset', changes: { owner: OTHER_ORG }, ownerKind: 'cso', actingFor: OWNER_ID })
        .thenThrows('DATASET.NOT_OWN_ORGANISATION');
    });

    it('refuses an empty change before looking for the dataset, then an unknown dataset', () => {
      spec.given([]).when({ type: 'ReviseDataset', changes: {} }).thenThrows('DATASET.NOTHING_TO_CHANGE');
      spec
        .given([])
        .when({ type: 'ReviseDataset', changes: { title: 'X' } })
        .thenThrows('DATASET.NOT_FOUND');
    });

    it('evolves to the revised details', () => {
      const state = spec
        .given([
          catalogued(aDataset({ format: 'CSV' })),
          { type: 'DatasetRevised', data: { datasetId: DATASET_ID, changes: { title: 'B', format: null } } },
        ])
        .state();
      expect(state).toEqual({
        exists: true,
        datasetId: DATASET_ID,
        details: aDataset({ title: 'B' }),
        lastAssessmentId: null,
      });
    });
  });

  describe('assessing', () => {
    it('records the checklist and verdict, leaving out blank notes', () => {
      spec
        .given([catalogued()])
        .when({
          type: 'AssessDataset',
          assessmentId: 'a2',
          assessment: anAssessment({ verdict: 'replace', notes: { relevance: '  ', accuracy: ' Sampled ' } }),
        })
        .then([
          {
            type: 'DatasetAssessed',
            data: {
              datasetId: DATASET_ID,
              assessmentId: 'a2',
              ...anAssessment({ verdict: 'replace', notes: { accuracy: 'Sampled' } }),
            },
          },
        ]);
    });

    it('refuses a score outside 1 to 5, naming the criterion', () => {
      const scores = { ...anAssessment().scores, timeliness: 6 };
      spec
        .given([catalogued()])
        .when({ type: 'AssessDataset', assessmentId: 'a3', assessment: anAssessment({ scores }) })
        .thenThrows('DATASET.INVALID', (e) => expect(e.errors[0].field).toBe('checklist.timeliness.score'));
    });

    it('refuses to assess a dataset that is not catalogued', () => {
      spec
        .given([])
        .when({ type: 'AssessDataset', assessmentId: 'a4', assessment: anAssessment() })
        .thenThrows('DATASET.NOT_FOUND');
    });
  });
});
