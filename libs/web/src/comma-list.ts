// A query parameter that lists values, `kind=a,b` or repeated (`kind=a&kind=b`): distinct, trimmed, no
// blanks. Anything else is left for the validators to refuse.
export const commaList = ({ value }: { value: unknown }): unknown => {
  const raw: unknown[] = Array.isArray(value) ? value : [value];
  if (!raw.every((item): item is string => typeof item === 'string')) return value;
  return [
    ...new Set(
      raw
        .flatMap((item) => item.split(','))
        .map((item) => item.trim())
        .filter((item) => item !== ''),
    ),
  ];
};
