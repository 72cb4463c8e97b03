// A number typed as text in a spreadsheet, read the same whatever the collector's locale: one dot or
// one comma is the decimal separator ("12,5" and "12.5" are both 12.5). Thousands separators are refused
// rather than guessed ("1.234,5", "1,234.5", "1 234" are errors: "1,234" alone would be 1.234 in one
// locale and 1234 in another). No exponents, hex or words. Spaces around the number and a Unicode minus
// are accepted.
const PLAIN = /^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)$/;

export function parseLocaleNumber(raw: string): number | null {
  const text = raw.trim().replace(/^\u2212/, '-');
  if (!PLAIN.test(text)) return null;
  const value = Number(text.replace(',', '.'));
  return Number.isFinite(value) ? value : null;
}
