import { combineStamps, isPublicPath, licenceLink, weakEtag } from './public-surface';

describe('isPublicPath', () => {
  it.each([
    '/v1/public/keys',
    '/v1/public/cities/ghent/glossary',
    '/V1/Public/comparisons',
    '/cities/ghent',
    '/embed/cities/ghent/indicators/x.svg',
  ])('opens %s', (path) => expect(isPublicPath(path)).toBe(true));

  it.each(['/v1/cities/ghent/indicators', '/v1/publications', '/v1/publicx', '/docs', '/embedded', '/'])(
    'keeps %s closed',
    (path) => expect(isPublicPath(path)).toBe(false),
  );
});

describe('weakEtag', () => {
  const stamp = { key: 'ghent:publication:12', modifiedAt: null };

  it('is a weak tag, the same for the same URL, media type and positions', () => {
    const tag = weakEtag('/v1/public/keys', 'application/json', stamp);
    expect(tag).toMatch(/^W\/"[A-Za-z0-9_-]{27}"$/);
    expect(weakEtag('/v1/public/keys', 'application/json', { ...stamp })).toBe(tag);
  });

  it('changes with a position, the query, or the media type', () => {
    const tag = weakEtag('/v1/public/x?a=1', 'text/turtle', stamp);
    expect(weakEtag('/v1/public/x?a=1', 'text/turtle', { ...stamp, key: 'ghent:publication:13' })).not.toBe(
      tag,
    );
    expect(weakEtag('/v1/public/x?a=2', 'text/turtle', stamp)).not.toBe(tag);
    expect(weakEtag('/v1/public/x?a=1', 'application/ld+json', stamp)).not.toBe(tag);
  });
});

describe('combineStamps', () => {
  it('keeps every key and the latest move', () => {
    const early = new Date('2026-01-01T00:00:00Z');
    const late = new Date('2026-02-01T00:00:00Z');
    expect(
      combineStamps([
        { key: 'a', modifiedAt: late },
        { key: 'b', modifiedAt: null },
        { key: 'c', modifiedAt: early },
      ]),
    ).toEqual({ key: 'a|b|c', modifiedAt: late });
    expect(combineStamps([{ key: 'a', modifiedAt: null }]).modifiedAt).toBeNull();
  });
});

it('links the licence', () => {
  expect(licenceLink('https://creativecommons.org/licenses/by/4.0/')).toBe(
    '<https://creativecommons.org/licenses/by/4.0/>; rel="license"',
  );
});
