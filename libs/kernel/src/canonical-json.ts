// JSON with object keys sorted at every level (array order kept): equal data gives equal text.
const canonical = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value ?? null;
};

export const canonicalJson = (value: unknown): string => JSON.stringify(canonical(value));
