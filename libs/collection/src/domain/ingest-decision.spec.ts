import { decideIngest } from './ingest-decision';

const earlier = { submissionId: 's1', editId: 'e1', fingerprint: 'f1' };

describe('what a pull does with an external submission', () => {
  it('submits the first time it sees the logical id', () => {
    expect(decideIngest(undefined, { editId: 'e1', fingerprint: 'f1' })).toEqual({ kind: 'submit' });
  });

  it('ignores the same edit again, and a new edit with the same values', () => {
    expect(decideIngest(earlier, { editId: 'e1', fingerprint: 'f2' })).toEqual({ kind: 'ignore' });
    expect(decideIngest(earlier, { editId: 'e2', fingerprint: 'f1' })).toEqual({ kind: 'ignore' });
  });

  it('corrects its submission for a new edit with other values', () => {
    expect(decideIngest(earlier, { editId: 'e2', fingerprint: 'f2' })).toEqual({
      kind: 'correct',
      submissionId: 's1',
    });
  });

  it('submits a new edit of a logical id whose edits were all rejected', () => {
    const rejected = { ...earlier, submissionId: null };
    expect(decideIngest(rejected, { editId: 'e2', fingerprint: 'f1' })).toEqual({ kind: 'submit' });
  });
});
