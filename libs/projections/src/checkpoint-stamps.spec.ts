import { checkpointStamp } from './checkpoint-stamps';

describe('checkpointStamp', () => {
  const at = (iso: string) => new Date(iso);

  it('names every projection in the order asked, 0 for one that has not met the city', () => {
    const stamp = checkpointStamp(
      'c1',
      ['publication', 'glossary-terms'],
      [{ projection: 'publication', position: '12', updatedAt: at('2026-03-01T10:00:00Z') }],
    );
    expect(stamp).toEqual({
      key: 'c1|publication@12|glossary-terms@0',
      modifiedAt: at('2026-03-01T10:00:00Z'),
    });
  });

  it('moves with any position and takes the latest move', () => {
    const rows = [
      { projection: 'a', position: '3', updatedAt: at('2026-03-01T10:00:00Z') },
      { projection: 'b', position: '7', updatedAt: at('2026-03-02T10:00:00Z') },
    ];
    const before = checkpointStamp('c1', ['a', 'b'], rows);
    const after = checkpointStamp('c1', ['a', 'b'], [rows[0], { ...rows[1], position: '8' }]);
    expect(after.key).not.toBe(before.key);
    expect(before.modifiedAt).toEqual(at('2026-03-02T10:00:00Z'));
    expect(checkpointStamp('c2', ['a', 'b'], rows).key).not.toBe(before.key);
  });

  it('has no date before any projection met the city', () => {
    expect(checkpointStamp('c1', ['a'], []).modifiedAt).toBeNull();
  });
});
