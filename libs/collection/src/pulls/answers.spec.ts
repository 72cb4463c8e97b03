import { fromKoboRecord, fromOdkRow, mapAnswers } from './answers';

const bySex = [{ dimension: 'sex', values: ['F', 'M'] }];

describe('answers of an XLSForm mapped back to observations', () => {
  it('reads the questions of the generated XLSForm: the total and each value of each dimension', () => {
    const bySexAndAge = [...bySex, { dimension: 'age', values: ['0-17'] }];
    const mapped = mapAnswers({ total: 3, sex_F: 1, sex_M: 2, age_0_17: 3, age_0_17__sex_F: 9 }, bySexAndAge);
    expect(mapped.ok && mapped.observations.map((o) => o.disaggregation)).toEqual([
      {},
      { sex: 'F' },
      { sex: 'M' },
      { age: '0-17' },
    ]);
  });

  it('maps answered questions (numbers or text, dot decimals) and the hidden fields; blanks are unanswered', () => {
    const mapped = mapAnswers(
      { total: '10', sex_F: 6.5, sex_M: '', start: '2026-01-05', assignment_id: ' a1 ', period_id: 'p1' },
      bySex,
    );
    expect(mapped).toEqual({
      ok: true,
      observations: [
        { disaggregation: {}, value: 10 },
        { disaggregation: { sex: 'F' }, value: 6.5 },
      ],
      questions: ['total', 'sex_F'],
      hidden: { assignment_id: 'a1', period_id: 'p1' },
    });
  });

  it('rejects a value that is no number, naming the question, and an answer without any cell', () => {
    expect(mapAnswers({ total: '1,5' }, bySex)).toEqual({
      ok: false,
      reason: 'total: "1,5" is not a number',
    });
    expect(mapAnswers({ sex_F: true }, bySex)).toEqual({ ok: false, reason: 'sex_F: true is not a number' });
    expect(mapAnswers({ start: 'x' }, bySex)).toEqual({
      ok: false,
      reason: 'no question of the indicator was answered',
    });
  });

  it('reads an ODK Central OData row: __id is the logical id, meta.instanceID the edit, groups flattened', () => {
    const row = {
      __id: 'uuid:first',
      cells: { total: 3, inner: { sex_F: 1 } },
      meta: { instanceID: 'uuid:second' },
      __system: { submissionDate: '2026-01-05T08:00:00.000Z', updatedAt: '2026-01-06T08:00:00.000Z' },
    };
    expect(fromOdkRow(row)).toEqual({
      logicalId: 'first',
      editId: 'second',
      changedAt: '2026-01-06T08:00:00.000Z',
      answers: { total: 3, sex_F: 1 },
    });
    expect(fromOdkRow({ meta: {} })).toBeNull();
  });

  it('reads a Kobo record: meta/rootUuid is the logical id, meta/instanceID the edit, group paths cut', () => {
    const record = {
      _id: 4,
      _uuid: 'second',
      'meta/instanceID': 'uuid:second',
      'meta/rootUuid': 'uuid:first',
      'formhub/uuid': 'f',
      _submission_time: '2026-01-05T08:00:00',
      'cells/total': '3',
    };
    expect(fromKoboRecord(record)).toEqual({
      logicalId: 'first',
      editId: 'second',
      changedAt: '2026-01-05T08:00:00',
      answers: { total: '3' },
    });
    expect(fromKoboRecord({ _uuid: 'only' })).toMatchObject({ logicalId: 'only', editId: 'only' });
    expect(fromKoboRecord({ total: 1 })).toBeNull();
  });
});
