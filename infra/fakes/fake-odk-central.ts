import { randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

// A small ODK Central on 127.0.0.1 (for the e2e suite and bench:pulls; never part of the running system), faithful to the published API (docs.getodk.org/central-api) where a
// pull depends on it:
// - POST /v1/sessions {email, password} → {token, expiresAt}; a wrong pair → 401; Bearer token after.
// - OData GET /v1/projects/:p/forms/:f.svc/Submissions: rows with `__id` (the instanceID of the first
//   version: the logical id), `meta.instanceID` (this edit), `__system.submissionDate` / `updatedAt`
//   (null until edited) and groups as nested objects; `$top` with `@odata.nextLink` carrying an opaque
//   `$skiptoken`; `$filter` with `ge`/`gt`/`le`/`lt` on the two system dates joined by `and`/`or`.
// - An edit keeps `__id` and `submissionDate`, gets a new `meta.instanceID` and sets `updatedAt`.
export interface OdkRow {
  __id: string;
  meta: { instanceID: string };
  __system: { submissionDate: string; updatedAt: string | null; edits: number; reviewState: null };
  [question: string]: unknown;
}

const COMPARE: Record<string, (a: string, b: string) => boolean> = {
  ge: (a, b) => a >= b,
  gt: (a, b) => a > b,
  le: (a, b) => a <= b,
  lt: (a, b) => a < b,
};

function matches(filter: string | null, row: OdkRow): boolean {
  if (!filter) return true;
  const term = (text: string) => {
    const match = /^__system\/(submissionDate|updatedAt) (ge|gt|le|lt) (\S+)$/.exec(text.trim());
    if (!match) throw new Error(`unsupported $filter term ${text}`);
    const value = row.__system[match[1] as 'submissionDate' | 'updatedAt'];
    return value !== null && COMPARE[match[2]](value, match[3]);
  };
  return filter.split(' or ').some((any) => any.split(' and ').every(term));
}

export class FakeOdkCentral {
  readonly forms = new Map<string, OdkRow[]>();
  readonly account = { email: 'collector-bot@example.org', password: 'odk-secret-password' };
  readonly requests: string[] = [];
  private readonly tokens = new Set<string>();
  private server!: Server;
  private clock = Date.parse('2026-01-05T08:00:00.000Z');

  static async start(): Promise<FakeOdkCentral> {
    const fake = new FakeOdkCentral();
    fake.server = createServer((req, res) => void fake.handle(req, res));
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  // A new submission of `form` (projectId/xmlFormId); returns its logical id.
  submit(form: string, answers: Record<string, unknown>): string {
    const id = `uuid:${randomUUID()}`;
    const row: OdkRow = {
      __id: id,
      ...answers,
      meta: { instanceID: id },
      __system: { submissionDate: this.tick(), updatedAt: null, edits: 0, reviewState: null },
    };
    this.forms.set(form, [...(this.forms.get(form) ?? []), row]);
    return id;
  }

  // An edit in Central: new instanceID, same __id, updatedAt now.
  edit(form: string, logicalId: string, answers: Record<string, unknown>): void {
    const rows = this.forms.get(form) ?? [];
    const at = rows.findIndex((row) => row.__id === logicalId);
    const { __system } = rows[at];
    rows[at] = {
      __id: logicalId,
      ...answers,
      meta: { instanceID: `uuid:${randomUUID()}` },
      __system: { ...__system, updatedAt: this.tick(), edits: __system.edits + 1 },
    };
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  // Distinct, increasing instants, as a server's clock would give for submissions made apart.
  private tick(): string {
    this.clock += 1_000;
    return new Date(this.clock).toISOString();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', this.url);
    this.requests.push(`${req.method} ${url.pathname}`);
    const send = (status: number, body: unknown): void =>
      void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.method === 'POST' && url.pathname === '/v1/sessions') {
      const given = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      if (given.email !== this.account.email || given.password !== this.account.password)
        return send(401, { code: 401.2, message: 'Could not authenticate with the provided credentials.' });
      const token = randomUUID().replace(/-/g, '');
      this.tokens.add(token);
      return send(200, { token, expiresAt: new Date(Date.now() + 86_400_000).toISOString() });
    }
    const odata = /^\/v1\/projects\/(\d+)\/forms\/([^/]+)\.svc\/Submissions$/.exec(url.pathname);
    if (req.method !== 'GET' || !odata) return send(404, { code: 404.1, message: 'Not found' });
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
    if (!bearer || !this.tokens.has(bearer[1])) return send(401, { code: 401.2, message: 'Unauthorized' });
    const rows = this.forms.get(`${odata[1]}/${decodeURIComponent(odata[2])}`);
    if (!rows)
      return send(404, { code: 404.1, message: 'Could not find the resource you were looking for.' });
    const filter = url.searchParams.get('$filter');
    const top = Number(url.searchParams.get('$top') ?? rows.length);
    const skip = url.searchParams.get('$skiptoken');
    const after = skip
      ? (JSON.parse(Buffer.from(skip.slice(2), 'base64').toString('utf8')) as { instanceId: string })
      : null;
    const selected = rows.filter((row) => matches(filter, row));
    const start = after ? selected.findIndex((row) => row.__id === after.instanceId) + 1 : 0;
    const page = selected.slice(start, start + top);
    const body: Record<string, unknown> = {
      '@odata.context': `${this.url}/v1/projects/${odata[1]}/forms/${odata[2]}.svc/$metadata#Submissions`,
      value: page,
    };
    if (start + top < selected.length) {
      const next = new URL(url.toString());
      const token = Buffer.from(JSON.stringify({ instanceId: page[page.length - 1].__id })).toString(
        'base64',
      );
      next.searchParams.set('$skiptoken', `01${token}`);
      body['@odata.nextLink'] = next.toString();
    }
    return send(200, body);
  }
}
