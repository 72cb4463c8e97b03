import fc, { Arbitrary } from 'fast-check';
import TestAgent from 'supertest/lib/agent';
import { hostileValue, invalid, JsonSchema, valid, Vocabulary } from './schema-arbitrary';

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
type HttpMethod = (typeof HTTP_METHODS)[number];

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}
interface OpenApiOperation {
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: JsonSchema }> };
  security?: Record<string, string[]>[];
}
export interface OpenApiDocument {
  paths: Record<string, Partial<Record<HttpMethod, OpenApiOperation>>>;
  components?: { schemas?: Record<string, JsonSchema> };
}
export interface Operation {
  method: HttpMethod;
  path: string;
  spec: OpenApiOperation;
}

// One generated HTTP request; `raw` is the body exactly as sent.
export interface FuzzRequest {
  method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  body?: { contentType: string; raw: string };
  multipart?: { fields: Record<string, string>; file?: Buffer };
}

export interface FuzzResponse {
  status: number;
  contentType: string;
  text: string;
}

export const operationsOf = (document: OpenApiDocument): Operation[] =>
  Object.entries(document.paths).flatMap(([path, item]) =>
    HTTP_METHODS.filter((method) => item[method]).map((method) => ({ method, path, spec: item[method]! })),
  );

export const resolverOf =
  (document: OpenApiDocument) =>
  (ref: string): JsonSchema => {
    const schema = document.components?.schemas?.[ref.replace('#/components/schemas/', '')];
    if (!schema) throw new Error(`Unresolvable $ref ${ref} in /docs-json`);
    return schema;
  };

// URLs and headers have their own limits (Node answers 431 to huge ones before the app sees them).
const MAX_URL_PART = 2_000;
const asText = (value: unknown): string =>
  typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
const urlSafe = (value: unknown): string => {
  const text = asText(value).slice(0, MAX_URL_PART);
  try {
    return encodeURIComponent(text);
  } catch {
    return encodeURIComponent(text.replace(/[\ud800-\udfff]/g, '?')); // lone surrogates
  }
};
const headerSafe = (value: unknown): string =>
  asText(value)
    .slice(0, MAX_URL_PART)
    .replace(/[^\x20-\x7e]/g, '?');

type Mode = 'valid' | 'invalid';
const either = (mode: Mode, schema: JsonSchema, name: string, v: Vocabulary): Arbitrary<unknown> =>
  mode === 'valid'
    ? valid(schema, name, v)
    : fc.oneof(
        { arbitrary: valid(schema, name, v), weight: 2 },
        { arbitrary: invalid(schema, name, v), weight: 1 },
      );

const SAMPLE_FILES: Arbitrary<Buffer>[] = [
  fc.constant(Buffer.from('Year,ground,Value\n2024,fuzz,3\n')),
  fc.string({ maxLength: 200 }).map((s) => Buffer.from(`Year,Value\n${s}\n`)),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.concat([Buffer.from('PK\x03\x04'), bytes])),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
];
const MALFORMED_BODIES = ['{"a":', '', 'null', '[]', '"text"', '12', '{"a":1}{"b":2}', '\u0000{}'];

function bodyArbitrary(spec: OpenApiOperation, mode: Mode, v: Vocabulary) {
  const content = spec.requestBody?.content ?? {};
  const json = content['application/json'];
  if (json) {
    const value = either(mode, json.schema, '', v).map((body) => ({
      body: { contentType: 'application/json', raw: JSON.stringify(body) ?? 'null' },
    }));
    if (mode === 'valid') return value;
    const malformed = fc
      .tuple(fc.constantFrom(...MALFORMED_BODIES), fc.constantFrom('application/json', 'text/plain'))
      .map(([raw, contentType]) => ({ body: { contentType, raw } }));
    return fc.oneof({ arbitrary: value, weight: 3 }, { arbitrary: malformed, weight: 1 });
  }
  const form = content['multipart/form-data'];
  if (form) {
    const properties = Object.entries(form.schema.properties ?? {}).filter(([, p]) => p.format !== 'binary');
    const fields = fc.record(
      Object.fromEntries(properties.map(([name, p]) => [name, either(mode, p, name, v).map(asText)])),
      { requiredKeys: mode === 'valid' ? (form.schema.required ?? []).filter((n) => n !== 'file') : [] },
    );
    const file = mode === 'valid' ? fc.oneof(...SAMPLE_FILES) : fc.option(fc.oneof(...SAMPLE_FILES));
    return fc.record({ multipart: fc.record({ fields, file }) }).map(({ multipart }) => ({
      multipart: { fields: multipart.fields, file: multipart.file ?? undefined },
    }));
  }
  return fc.constant({});
}

// `/organisations/{id}` takes an organisation id: named `organisationId` for the generator.
const generatorName = (path: string, p: Parameter) => {
  if (p.in !== 'path' || p.name !== 'id') return p.name;
  const collection = /\/([a-z-]+)\/\{id\}/.exec(path)?.[1] ?? '';
  return `${collection.replace(/ies$/, 'y').replace(/s$/, '')}Id`;
};

function parameterArbitrary(path: string, parameters: Parameter[], mode: Mode, v: Vocabulary) {
  return fc.record(
    Object.fromEntries(
      parameters.map((p) => {
        const value = either(mode, p.schema ?? {}, generatorName(path, p), v);
        // Optional ones are sometimes left out; in an invalid case so are required ones.
        const present =
          p.required && mode === 'valid' ? value : fc.option(value, { nil: undefined, freq: 3 });
        return [`${p.in}:${p.name}`, present];
      }),
    ),
  );
}

// Express parses `a[]=x` into an array and `a[b]=x` into an object: query values need not be strings.
const QUERY_SHAPES = ['plain', 'plain', 'array', 'object', 'twice'] as const;
type QueryShape = (typeof QUERY_SHAPES)[number];
const shaped = (shape: QueryShape, name: string, value: string) =>
  ({
    plain: `${name}=${value}`,
    array: `${name}[]=${value}`,
    object: `${name}[$gt]=${value}`,
    twice: `${name}=${value}&${name}=${value}`,
  })[shape];

// A request for an operation: path, query and header parameters and a body, all valid by the schemas,
// or (in an invalid case) with hostile or out-of-schema values anywhere.
export function requestArbitrary(operation: Operation, v: Vocabulary): Arbitrary<FuzzRequest> {
  const parameters = operation.spec.parameters ?? [];
  return fc
    .constantFrom<Mode>('valid', 'valid', 'invalid')
    .chain((mode) =>
      fc.tuple(
        parameterArbitrary(operation.path, parameters, mode, v),
        bodyArbitrary(operation.spec, mode, v),
        fc.option(fc.oneof(fc.uuid(), hostileValue), { freq: 4 }),
        mode === 'valid' ? fc.constant<QueryShape>('plain') : fc.constantFrom(...QUERY_SHAPES),
      ),
    )
    .map(([values, body, correlationId, shape]) => {
      const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
        values[`path:${name}`] === undefined ? 'x' : urlSafe(values[`path:${name}`]),
      );
      const query = parameters
        .filter((p) => p.in === 'query' && values[`query:${p.name}`] !== undefined)
        .map((p) => shaped(shape, encodeURIComponent(p.name), urlSafe(values[`query:${p.name}`])));
      const headers = Object.fromEntries(
        parameters
          .filter((p) => p.in === 'header' && values[`header:${p.name}`] !== undefined)
          .map((p) => [p.name, headerSafe(values[`header:${p.name}`])]),
      );
      if (correlationId !== null) headers['X-Correlation-ID'] = headerSafe(correlationId);
      const url = query.length > 0 ? `${path}?${query.join('&')}` : path;
      return { method: operation.method, url, headers, ...body };
    });
}

export async function send(
  http: TestAgent,
  r: FuzzRequest,
  token: string | undefined,
): Promise<FuzzResponse> {
  let call = http[r.method](r.url)
    .timeout(20_000)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    })
    .set(r.headers);
  if (token !== undefined) call = call.set('Authorization', `Bearer ${token}`);
  if (r.body) call = call.set('Content-Type', r.body.contentType).send(r.body.raw);
  if (r.multipart) {
    for (const [name, value] of Object.entries(r.multipart.fields)) call = call.field(name, value);
    if (r.multipart.file) call = call.attach('file', r.multipart.file, 'upload.csv');
  }
  const res = await call;
  return {
    status: res.status,
    contentType: String(res.headers['content-type'] ?? ''),
    text: (res.body as Buffer).toString('utf8'),
  };
}
