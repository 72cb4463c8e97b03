import { DomainError } from './domain-error';
import { CursorShape, decodeCursor, encodeCursor, pageOf } from './page';

const cursor = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');
const refusal = (raw: string, shape: CursorShape) => {
  try {
    decodeCursor(raw, shape);
  } catch (error) {
    return error as DomainError;
  }
  throw new Error(`${raw} was accepted`);
};

describe('cursors', () => {
  const id = '0196c1d2-7a3b-7c4d-8e5f-0123456789ab';

  it('round-trips a key of every kind of part', () => {
    const key = ['Gent', id, '2026-12-03 09:29:26.123456+00', '2024-02-29', 42];
    expect(decodeCursor(encodeCursor(key), ['string', 'uuid', 'instant', 'date', 'number'])).toEqual(key);
  });

  it.each([
    ['not base64url JSON', '%%%', ['string']],
    ['not an array', cursor({ id }), ['uuid']],
    ['too short', cursor([id]), ['string', 'uuid']],
    ['a number for a string', cursor([1, id]), ['string', 'uuid']],
    ['not a uuid', cursor(['x']), ['uuid']],
    ['an impossible day', cursor(['2023-02-29']), ['date']],
    ['an instant without an offset', cursor(['2026-12-03 09:29:26']), ['instant']],
    ['an instant at hour 24', cursor(['2026-12-03 24:00:00+00']), ['instant']],
    ['a NUL character', cursor(['a\u0000b']), ['string']],
    ['an unsafe number', cursor([2 ** 60]), ['number']],
  ] as [string, string, CursorShape][])('refuses %s with a 400 naming after', (_, raw, shape) => {
    const error = refusal(raw, shape);
    expect(error).toMatchObject({ kind: 'bad_request', code: 'REQUEST.INVALID_CURSOR' });
    expect(error.errors.map((e) => e.field)).toEqual(['after']);
  });
});

describe('pageOf', () => {
  const rows = [1, 2, 3].map((n) => ({ n }));

  it('keeps `limit` rows and points past the last one when the extra row shows another page', () => {
    const page = pageOf(
      rows,
      2,
      (row) => [row.n],
      (row) => row.n * 10,
    );
    expect(page.items).toEqual([10, 20]);
    expect(decodeCursor(page.next!, ['number'])).toEqual([2]);
  });

  it('has no next cursor on the last page', () => {
    expect(
      pageOf(
        rows,
        3,
        (row) => [row.n],
        (row) => row.n,
      ),
    ).toEqual({ items: [1, 2, 3], next: null });
  });
});
