import { content } from './testing/report-fixtures';
import { canonicalContent, contentHashOf, ReportContent } from './report-content';

// Reverses the key order at every level, as a round trip through jsonb may.
const reordered = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(reordered);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reordered(v)]),
    );
  return value;
};

describe('report content hash', () => {
  it('is the SHA-256 of the canonical text, whatever order the keys come in', () => {
    const model = content();
    expect(contentHashOf(model)).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHashOf(reordered(model) as ReportContent)).toBe(contentHashOf(model));
    expect(contentHashOf(JSON.parse(JSON.stringify(model)) as ReportContent)).toBe(contentHashOf(model));
    expect(canonicalContent(model).startsWith('{"city":')).toBe(true);
  });

  it('changes with any value, and with the pin', () => {
    const model = content();
    const changed = content({ summary: { publicIndicators: 2, valuesValidated: 3, organisations: 2 } });
    expect(contentHashOf(changed)).not.toBe(contentHashOf(model));
    expect(contentHashOf(content({ pin: { ...model.pin, position: 43 } }))).not.toBe(contentHashOf(model));
  });
});
