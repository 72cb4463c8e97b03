import fc, { Arbitrary } from 'fast-check';

// The subset of JSON Schema that @nestjs/swagger emits for our DTOs and parameters.
export interface JsonSchema {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
  example?: unknown;
}

// What the converter mixes into generated values: real ids of both cities, real slugs, a way to follow $ref.
export interface Vocabulary {
  ids: string[];
  // The same ids by kind (`organisation`, `submission`…), so that `organisationId` gets organisations.
  idsByKind: Record<string, string[]>;
  slugs: string[];
  positions: number[];
  resolve(ref: string): JsonSchema;
}

const MAX_DEPTH = 4;

// Values no schema asks for: injection-ish, path-ish, unicode, huge, wrong types, prototype keys.
const hostileStrings = fc.constantFrom(
  '',
  ' ',
  'x'.repeat(70_000),
  '../../../../etc/passwd',
  '..%2F..%2Fadmin',
  "' OR '1'='1' --",
  '"; DROP TABLE events; --',
  '{"$gt":""}',
  '\u0000',
  '\u202e\u{1F600}\u0301\uFEFF',
  '\ud800',
  '<script>alert(1)</script>',
  '${jndi:ldap://127.0.0.1/a}',
  '__proto__',
  'NaN',
  '-1',
  '1e309',
  '00000000-0000-0000-0000-000000000000',
  '2024-02-30T25:61:00Z',
  'line\r\nX-Injected: 1',
);
const hostileNumbers = fc.constantFrom(-1, -0, 1.5, 2 ** 31, 2 ** 53 + 2, -(2 ** 63), 1e308, -1e308, 5e-324);
const deep = (depth: number): unknown => (depth === 0 ? {} : { a: deep(depth - 1) });
const prototypePollution = JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}');
export const hostileValue: Arbitrary<unknown> = fc.oneof(
  hostileStrings,
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  hostileNumbers,
  fc.constantFrom<unknown>(null, true, false, [], {}, [null], prototypePollution, deep(1_000)),
);

const PERIOD_CODES = ['2024', '2023', '2024-Q1', '2024-03', '2013/14'];
const DATE_NAMES = /^(deadline|asOf|from|to|before|validFrom|validUntil|due|opens|closes)$|At$/;
const ID_NAMES = /^(id|userId)$|Id$/;

export function deref(schema: JsonSchema, vocabulary: Vocabulary): JsonSchema {
  if (schema.$ref) return deref(vocabulary.resolve(schema.$ref), vocabulary);
  if (schema.allOf) {
    const parts = schema.allOf.map((part) => deref(part, vocabulary));
    const { allOf: _, ...rest } = schema;
    return Object.assign({}, ...parts, rest) as JsonSchema;
  }
  return schema;
}

export const idArbitrary = (v: Vocabulary, name = ''): Arbitrary<string> => {
  const ofKind = v.idsByKind[name.replace(/Id$/, '')] ?? [];
  return fc.oneof(
    { arbitrary: ofKind.length > 0 ? fc.constantFrom(...ofKind) : fc.constantFrom(...v.ids), weight: 4 },
    { arbitrary: fc.constantFrom(...v.ids), weight: 2 },
    { arbitrary: fc.uuid(), weight: 1 },
  );
};

const isoDate = fc
  .date({ min: new Date('2000-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString());

function validString(s: JsonSchema, name: string, v: Vocabulary): Arbitrary<string> {
  if (name === 'streamId') {
    const kinds = fc.constantFrom('organisation', 'indicator', 'period', 'submission', 'comment');
    return kinds.chain((kind) => idArbitrary(v, `${kind}Id`).map((id) => `${kind}-${id}`));
  }
  if (s.format === 'uuid' || ID_NAMES.test(name)) return idArbitrary(v, name);
  // Stream versions of the fixtures are small; Idempotency-Key is any opaque string.
  if (/^if-match$/i.test(name)) return fc.integer({ min: 0, max: 4 }).map(String);
  if (/^idempotency-key$/i.test(name)) return fc.uuid();
  if (name === 'city' || name === 'cities') return fc.constantFrom(...v.slugs);
  if (s.format === 'date-time' || s.format === 'date' || DATE_NAMES.test(name)) return isoDate;
  if (s.format === 'email' || name === 'email') return fc.emailAddress();
  if (/url$/i.test(name)) return fc.constantFrom('https://fuzz.invalid/hook', 'http://127.0.0.1:1/');
  if (s.pattern) return fc.stringMatching(new RegExp(s.pattern));
  if (name === 'code' || name === 'period') return fc.constantFrom(...PERIOD_CODES, '11.1.1', 'ND-P1');
  if (name === 'year') return fc.integer({ min: 1990, max: 2040 }).map(String);
  if (/locale$|^lang$/i.test(name)) return fc.constantFrom('nl', 'en', 'fr', 'it', 'en-GB');
  if (name === 'slug') return fc.stringMatching(/^[a-z][a-z0-9-]{1,20}$/);
  if (name === 'countryCode') return fc.constantFrom('BE', 'IT', 'NL', 'be', 'XX');
  if (name === 'timezone') return fc.constantFrom('Europe/Brussels', 'UTC', 'America/Bogota', 'Mars/Olympus');
  if (/token$/i.test(name)) return fc.oneof(fc.base64String({ minLength: 16, maxLength: 64 }), fc.string());
  if (/password$/i.test(name)) return fc.string({ minLength: 12, maxLength: 64 });
  const minLength = s.minLength ?? 0;
  const plain = fc.string({ minLength, maxLength: Math.min(s.maxLength ?? 40, Math.max(minLength, 40)) });
  return typeof s.example === 'string' ? fc.oneof(fc.constant(s.example), plain) : plain;
}

function validNumber(s: JsonSchema, name: string, v: Vocabulary): Arbitrary<number> {
  // minPosition within what the cities already have: beyond the head is another (invalid) case.
  if (/position/i.test(name) || name === 'after') return fc.constantFrom(0, ...v.positions);
  const min = s.minimum ?? 0;
  const max = s.maximum ?? Math.max(min, 0) + 1000;
  return s.type === 'integer' || name === 'limit' || name === 'year'
    ? fc.integer({ min, max })
    : fc.oneof(fc.integer({ min, max }), fc.double({ min, max, noNaN: true }));
}

function validObject(s: JsonSchema, v: Vocabulary, depth: number): Arbitrary<Record<string, unknown>> {
  const properties = Object.entries(s.properties ?? {});
  if (properties.length === 0) {
    const values =
      typeof s.additionalProperties === 'object'
        ? valid(s.additionalProperties, '', v, depth + 1)
        : fc.string();
    const free = fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }), values, { maxKeys: 3 });
    return s.example && typeof s.example === 'object'
      ? fc.oneof(fc.constant(s.example as Record<string, unknown>), free)
      : free;
  }
  const model = Object.fromEntries(properties.map(([key, p]) => [key, valid(p, key, v, depth + 1)]));
  return fc.record(model, { requiredKeys: s.required ?? [] });
}

// A value the schema accepts (as far as the schema says: domain rules may still refuse it).
export function valid(schema: JsonSchema, name: string, v: Vocabulary, depth = 0): Arbitrary<unknown> {
  const s = deref(schema, v);
  const alternatives = s.oneOf ?? s.anyOf;
  let arbitrary: Arbitrary<unknown>;
  if (alternatives) arbitrary = fc.oneof(...alternatives.map((alt) => valid(alt, name, v, depth)));
  else if (s.enum) arbitrary = fc.constantFrom(...s.enum);
  else if (s.type === 'string') arbitrary = validString(s, name, v);
  else if (s.type === 'number' || s.type === 'integer') arbitrary = validNumber(s, name, v);
  else if (s.type === 'boolean') arbitrary = fc.boolean();
  else if (s.type === 'array') {
    const minLength = s.minItems ?? 0;
    arbitrary =
      depth > MAX_DEPTH || !s.items
        ? fc.constant([])
        : fc.array(valid(s.items, name, v, depth + 1), {
            minLength,
            maxLength: Math.min(s.maxItems ?? 3, Math.max(minLength, 3)),
          });
  } else if (s.type === 'object' || s.properties) arbitrary = validObject(s, v, depth);
  else arbitrary = validString(s, name, v);
  return s.nullable ? fc.option(arbitrary, { nil: null, freq: 5 }) : arbitrary;
}

const omit = (o: Record<string, unknown>, key: string) =>
  Object.fromEntries(Object.entries(o).filter(([k]) => k !== key));

// A value the schema refuses somewhere: a hostile value, one bad property, a missing required one, an
// extra one, one bad array item, a string just past its bounds.
export function invalid(schema: JsonSchema, name: string, v: Vocabulary, depth = 0): Arbitrary<unknown> {
  const s = deref(schema, v);
  const options: Arbitrary<unknown>[] = [hostileValue];
  const keys = Object.keys(s.properties ?? {});
  if (keys.length > 0 && depth < MAX_DEPTH) {
    const record = validObject(s, v, depth);
    options.push(
      fc
        .constantFrom(...keys)
        .chain((key) =>
          fc
            .tuple(record, invalid(s.properties![key], key, v, depth + 1))
            .map(([o, bad]) => ({ ...o, [key]: bad })),
        ),
      fc
        .tuple(record, fc.string({ minLength: 1, maxLength: 12 }), hostileValue)
        .map(([o, k, h]) => ({ ...o, [k]: h })),
    );
    if (s.required?.length) {
      options.push(fc.tuple(record, fc.constantFrom(...s.required)).map(([o, key]) => omit(o, key)));
    }
  }
  if (s.type === 'array' && s.items && depth < MAX_DEPTH) {
    const items = s.items;
    options.push(
      fc
        .tuple(
          fc.array(valid(items, name, v, depth + 1), { maxLength: 2 }),
          invalid(items, name, v, depth + 1),
        )
        .map(([good, bad]) => [...good, bad]),
    );
    if (s.maxItems !== undefined)
      options.push(fc.constant(Array.from({ length: s.maxItems + 1 }, () => ({}))));
  }
  if (s.type === 'string') {
    if (s.maxLength !== undefined) options.push(fc.constant('x'.repeat(s.maxLength + 1)));
    if (s.minLength) options.push(fc.constant('x'.repeat(s.minLength - 1)));
    if (s.enum || s.format === 'uuid') options.push(fc.constantFrom('not-a-uuid', 'ACTIVE', 'x'.repeat(300)));
  }
  return fc.oneof(...options);
}
