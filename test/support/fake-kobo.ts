import { randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

// A small KoboToolbox (kpi) on 127.0.0.1, faithful to the published v2 API (support.kobotoolbox.org,
// "Using the API"; kpi's /api/v2/ browsable docs) where a pull depends on it:
// - `Authorization: Token <api token>`; without a valid one → 401 {detail}.
// - GET /api/v2/assets/:uid/data/?format=json&limit&start&query → {count, next, previous, results};
//   `next` is an absolute URL of the following page; `query` is a Mongo-style JSON filter, here on
//   `_submission_time` ($gte/$gt/$lte/$lt).
// - Records are flat, keys are group paths (`cells/sex_F`), with `_id`, `_uuid`, `meta/instanceID`,
//   `meta/rootUuid` and `_submission_time` (UTC, to the second, no zone).
// - An edit keeps `_id`, `meta/rootUuid` and `_submission_time`, takes a new `_uuid` / `meta/instanceID`
//   and names the old one in `meta/deprecatedID`. A REST Service push posts the record in this shape.
export type KoboRecord = Record<string, unknown>;

const OPERATORS: Record<string, (a: string, b: string) => boolean> = {
  $gte: (a, b) => a >= b,
  $gt: (a, b) => a > b,
  $lte: (a, b) => a <= b,
  $lt: (a, b) => a < b,
};

export class FakeKobo {
  readonly assets = new Map<string, KoboRecord[]>();
  readonly token = 'kobo-api-token-0123456789abcdef';
  private server!: Server;
  private nextId = 1;
  private clock = Date.parse('2026-01-05T08:00:00Z');

  static async start(): Promise<FakeKobo> {
    const fake = new FakeKobo();
    fake.server = createServer((req, res) => void fake.handle(req, res));
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  // A new submission of the asset; returns the record (what a REST Service would push).
  submit(uid: string, answers: Record<string, unknown>): KoboRecord {
    const uuid = randomUUID();
    const record: KoboRecord = {
      _id: this.nextId++,
      'formhub/uuid': 'f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0',
      ...answers,
      __version__: 'vA1b2C3',
      'meta/instanceID': `uuid:${uuid}`,
      'meta/rootUuid': `uuid:${uuid}`,
      _uuid: uuid,
      _submission_time: this.tick(),
    };
    this.assets.set(uid, [...(this.assets.get(uid) ?? []), record]);
    return record;
  }

  edit(uid: string, id: number, answers: Record<string, unknown>): KoboRecord {
    const records = this.assets.get(uid) ?? [];
    const at = records.findIndex((record) => record._id === id);
    const old = records[at];
    const uuid = randomUUID();
    records[at] = {
      ...old,
      ...answers,
      'meta/instanceID': `uuid:${uuid}`,
      'meta/deprecatedID': old['meta/instanceID'],
      _uuid: uuid,
    };
    return records[at];
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private tick(): string {
    this.clock += 1_000;
    return new Date(this.clock).toISOString().slice(0, 19);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for await (const _ of req) void _;
    const url = new URL(req.url ?? '/', this.url);
    const send = (status: number, body: unknown): void =>
      void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.headers.authorization !== `Token ${this.token}`) return send(401, { detail: 'Invalid token.' });
    const data = /^\/api\/v2\/assets\/([A-Za-z0-9]+)\/data\/$/.exec(url.pathname);
    const records = data && this.assets.get(data[1]);
    if (req.method !== 'GET' || !records) return send(404, { detail: 'Not found.' });
    const query = JSON.parse(url.searchParams.get('query') ?? '{}') as Record<string, Record<string, string>>;
    const selected = records.filter((record) =>
      Object.entries(query).every(([field, condition]) =>
        Object.entries(condition).every(([op, value]) => OPERATORS[op](String(record[field]), value)),
      ),
    );
    const limit = Number(url.searchParams.get('limit') ?? 100);
    const start = Number(url.searchParams.get('start') ?? 0);
    const more = start + limit < selected.length;
    const next = new URL(url.toString());
    next.searchParams.set('start', String(start + limit));
    return send(200, {
      count: selected.length,
      next: more ? next.toString() : null,
      previous: null,
      results: selected.slice(start, start + limit),
    });
  }
}
