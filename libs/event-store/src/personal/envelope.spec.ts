import { randomBytes, randomUUID } from 'node:crypto';
import { DataKey, openValue, sealValue, unwrapKey, wrapKey } from './envelope';
import { erasureSegments, PERSON_DATA_ERASED } from './personal-fields';
import { RecordedEvent } from '../event.types';

const key: DataKey = { keyId: randomUUID(), subject: randomUUID(), key: randomBytes(32) };
const place = { cityId: randomUUID(), eventId: randomUUID(), path: 'body' };

describe('personal field envelopes', () => {
  it('seal a value into ciphertext that opens with its key at its place', () => {
    const sealed = sealValue('Call me on +32 470 12 34 56', key, place);
    expect(JSON.stringify(sealed)).not.toContain('470');
    expect(sealed.$personal).toEqual(
      expect.objectContaining({ v: 1, subject: key.subject, keyId: key.keyId }),
    );
    expect(openValue(sealed, key.key, place)).toBe('Call me on +32 470 12 34 56');
    // A fresh IV each time: equal texts do not give equal ciphertexts.
    expect(sealValue('Call me on +32 470 12 34 56', key, place).$personal.ct).not.toBe(sealed.$personal.ct);
  });

  it.each([
    ['another event', { ...place, eventId: randomUUID() }],
    ['another field', { ...place, path: 'note' }],
    ['another city', { ...place, cityId: randomUUID() }],
  ])('refuses a ciphertext moved to %s', (_, elsewhere) => {
    const sealed = sealValue('mine', key, place);
    expect(() => openValue(sealed, key.key, elsewhere)).toThrow(/does not decrypt/);
  });

  it('refuses an altered ciphertext, a swapped subject and a wrong key', () => {
    const sealed = sealValue('mine', key, place);
    const ct = Buffer.from(sealed.$personal.ct, 'base64');
    ct[0] ^= 1;
    const altered = { $personal: { ...sealed.$personal, ct: ct.toString('base64') } };
    expect(() => openValue(altered, key.key, place)).toThrow(/does not decrypt/);
    const otherSubject = { $personal: { ...sealed.$personal, subject: randomUUID() } };
    expect(() => openValue(otherSubject, key.key, place)).toThrow(/does not decrypt/);
    expect(() => openValue(sealed, randomBytes(32), place)).toThrow(/does not decrypt/);
  });

  it('wraps data keys under the key-encryption key, bound to city, subject and id', () => {
    const kek = randomBytes(32);
    const wrapped = wrapKey(kek, place.cityId, key);
    expect(wrapped.includes(key.key)).toBe(false);
    expect(unwrapKey(kek, place.cityId, wrapped, key).equals(key.key)).toBe(true);
    expect(() => unwrapKey(randomBytes(32), place.cityId, wrapped, key)).toThrow();
    expect(() => unwrapKey(kek, randomUUID(), wrapped, key)).toThrow();
    expect(() => unwrapKey(kek, place.cityId, wrapped, { ...key, subject: randomUUID() })).toThrow();
  });
});

describe('erasureSegments', () => {
  const event = (type: string, data: unknown = {}) => ({ type, data }) as RecordedEvent;

  it('cuts a batch at each erasure, in order', () => {
    const [a, b, c] = [event('CommentPosted'), event('CommentEdited'), event('CommentPosted')];
    expect(erasureSegments([a, b, event(PERSON_DATA_ERASED, { subjectId: 'p1' }), c])).toEqual([
      { kind: 'events', events: [a, b] },
      { kind: 'erasure', subjectId: 'p1' },
      { kind: 'events', events: [c] },
    ]);
    expect(erasureSegments([])).toEqual([]);
  });
});
