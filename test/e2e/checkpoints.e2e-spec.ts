import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CheckpointSigner, verifyExport } from '@rl/audit';
import { asCityId, Checkpoint, CityRole } from '@rl/kernel';
import { ApiHarness, eventually, expectProblem, Session, TestCity, uniqueSuffix } from '../support';
import { appendOrganisations, linesOf } from '../support/checkpoints';
import { Receiver } from '../support/webhook-receiver';

const FORBIDDEN_ROLES: CityRole[] = ['observer', 'collector', 'official', 'researcher'];
const pem = (key: ReturnType<typeof generateKeyPairSync>['privateKey']) =>
  key
    .export(key.type === 'private' ? { type: 'pkcs8', format: 'pem' } : { type: 'spki', format: 'pem' })
    .toString();

// Checks a checkpoint exactly as API.md tells an outsider to: the documented lines, the published key.
const signatureHolds = (c: Checkpoint, publicKeyPem: string) =>
  verify(
    null,
    Buffer.from(
      [
        'rights-ledger checkpoint v1',
        `city ${c.cityId}`,
        `position ${c.position}`,
        `head ${c.headHash}`,
        `signed ${c.signedAt}`,
      ].join('\n'),
      'utf8',
    ),
    createPublicKey(publicKeyPem),
    Buffer.from(c.signature, 'base64'),
  );

describe('Signed checkpoints, public keys and the export', () => {
  const keyA = generateKeyPairSync('ed25519');
  const keyIdA = `a-${uniqueSuffix()}`;
  let api: ApiHarness;
  let operator: Session;
  let city: TestCity;
  let coordinator: Session;
  let auditor: Session;
  const forbidden: Partial<Record<CityRole, Session>> = {};

  beforeAll(async () => {
    ({ api, operator } = await ApiHarness.startWithOperator({
      AUDIT_SIGNING_KEY: pem(keyA.privateKey),
      AUDIT_SIGNING_KEY_ID: keyIdA,
      AUDIT_CHECKPOINT_EVERY_EVENTS: '4',
    }));
    city = await api.city(operator, 'Signville');
    coordinator = await api.member(operator, city, 'coordinator');
    auditor = await api.member(operator, city, 'auditor');
    for (const role of FORBIDDEN_ROLES) forbidden[role] = await api.member(operator, city, role);
  });

  afterAll(() => api.close());

  const get = (session: Session, path: string) =>
    api.http.get(`/v1/cities/${city.slug}/audit/${path}`).auth(session.accessToken, { type: 'bearer' });
  const sign = (session: Session) =>
    api.http.post(`/v1/cities/${city.slug}/audit/checkpoints`).auth(session.accessToken, { type: 'bearer' });
  const head = async () => {
    const res = await get(auditor, 'verify').expect(200);
    return { position: res.body.headPosition as number, hash: res.body.headHash as string };
  };
  const publicKeys = async () =>
    (await api.http.get('/v1/public/keys').expect(200)).body as {
      keyId: string;
      algorithm: string;
      publicKey: string;
    }[];

  it('signs the head on demand, lists checkpoints newest first, and each verifies with the published key', async () => {
    await appendOrganisations(api, city, 2);
    const first = await sign(auditor).expect(201);
    const now = await head();
    expect(first.body).toEqual({
      cityId: city.id,
      position: now.position,
      headHash: now.hash,
      signedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      keyId: keyIdA,
      signature: expect.any(String),
    });
    await appendOrganisations(api, city, 1);
    const second = await sign(coordinator).expect(201);
    expect(second.body.position).toBe(now.position + 1);

    // The worker may have signed an earlier head too (city set-up appended events).
    const list = await get(coordinator, 'checkpoints').expect(200);
    expect(list.body.slice(0, 2)).toEqual([second.body, first.body]);

    const keys = await publicKeys();
    const published = keys.find((k) => k.keyId === keyIdA);
    expect(published).toEqual({ keyId: keyIdA, algorithm: 'Ed25519', publicKey: pem(keyA.publicKey) });
    for (const c of list.body as Checkpoint[]) expect(signatureHolds(c, published!.publicKey)).toBe(true);
    expect(signatureHolds({ ...first.body, position: first.body.position + 1 }, published!.publicKey)).toBe(
      false,
    );

    // The verifier checks the log against both.
    expect((await get(auditor, 'verify').expect(200)).body).toEqual(
      expect.objectContaining({ ok: true, checkpoints: list.body.length, invalidCheckpoints: [] }),
    );
  });

  it('pages the list with the Link header', async () => {
    const all = (await get(auditor, 'checkpoints').expect(200)).body as Checkpoint[];
    const page = await get(auditor, 'checkpoints?limit=1').expect(200);
    expect(page.body).toEqual([all[0]]);
    const next = /<([^>]+)>; rel="next"/.exec(page.headers.link)![1];
    const rest = await api.http.get(next).auth(auditor.accessToken, { type: 'bearer' }).expect(200);
    expect(rest.body[0]).toEqual(all[1]);
    expectProblem(await get(auditor, 'checkpoints?after=garbage'), 400, 'REQUEST.INVALID_CURSOR');
  });

  it('lets only auditors and coordinators of the city sign and list, and only auditors export', async () => {
    for (const role of FORBIDDEN_ROLES) {
      expectProblem(await get(forbidden[role]!, 'checkpoints'), 403);
      expectProblem(await sign(forbidden[role]!), 403);
      expectProblem(await get(forbidden[role]!, 'export'), 403);
    }
    expectProblem(await get(coordinator, 'export'), 403);
    const other = await api.city(operator, 'Othertown');
    const otherAuditor = await api.member(operator, other, 'auditor');
    // As for the rest of the audit API: another city's auditor learns nothing, not even that it exists.
    expectProblem(await get(otherAuditor, 'checkpoints'), 404, 'CITY.NOT_FOUND');
    expect((await api.http.get(`/v1/cities/${city.slug}/audit/checkpoints`)).status).toBe(401);
  });

  it('exports the log as NDJSON that verifies offline with the public key alone, and a tampered line does not', async () => {
    const latest = ((await get(auditor, 'checkpoints').expect(200)).body as Checkpoint[])[0];
    const res = await get(auditor, 'export')
      .buffer(true)
      .parse((response, done) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        response.on('end', () => done(null, text));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const text = res.body as string;
    const lines = text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    const now = await head();
    expect(lines[0]).toEqual({ head: { lastPosition: now.position, lastHash: now.hash } });
    expect(lines[1]).toEqual({ checkpoint: latest });
    expect(lines.slice(2).map((l) => l.position)).toEqual(
      Array.from({ length: now.position }, (_, i) => i + 1),
    );
    expect(lines[2]).toEqual(expect.objectContaining({ tenantId: city.id, dataText: expect.any(String) }));

    const key = createPublicKey((await publicKeys()).find((k) => k.keyId === keyIdA)!.publicKey);
    const report = await verifyExport(linesOf(text), [key]);
    expect(report).toEqual(
      expect.objectContaining({ ok: true, cityId: city.id, events: now.position, checkpoints: 1 }),
    );

    // An edited event.
    const edited = [...lines];
    edited[3] = { ...edited[3], dataText: '{"forged": true}' };
    const tampered = edited.map((l) => JSON.stringify(l)).join('\n');
    expect((await verifyExport(linesOf(tampered), [key])).firstBroken).toEqual(
      expect.objectContaining({ position: 2, reason: 'hash_mismatch' }),
    );
    // A truncated export whose head line was moved back with it: the signed checkpoint still names it.
    const cut = [{ head: { lastPosition: 1, lastHash: lines[2].hash } }, lines[1], lines[2]];
    expect(
      (await verifyExport(linesOf(cut.map((l) => JSON.stringify(l)).join('\n')), [key])).firstBroken,
    ).toEqual(
      expect.objectContaining({
        reason: 'checkpoint_mismatch',
        checkpoint: expect.objectContaining({ keyId: keyIdA }),
      }),
    );
    // A stranger's key verifies no checkpoint.
    const stranger = generateKeyPairSync('ed25519').publicKey;
    expect(await verifyExport(linesOf(text), [stranger])).toEqual(
      expect.objectContaining({
        ok: false,
        checkpoints: 0,
        invalidCheckpoints: [expect.objectContaining({ keyId: keyIdA })],
      }),
    );
  });

  it('pushes each checkpoint to subscribed webhooks (witnesses)', async () => {
    const receiver = await Receiver.start();
    try {
      await api.http
        .post(`/v1/cities/${city.slug}/webhooks`)
        .auth(coordinator.accessToken, { type: 'bearer' })
        .send({ url: receiver.url('/witness'), events: ['audit.checkpoint'] })
        .expect(201);
      const signed = (await sign(auditor).expect(201)).body as Checkpoint;
      const delivered = await eventually('the witness webhook', () => receiver.at('/witness')[0]);
      const body = JSON.parse(delivered.body);
      expect(body).toEqual(
        expect.objectContaining({
          event: 'audit.checkpoint',
          data: expect.objectContaining({ checkpoint: signed }),
        }),
      );
    } finally {
      await receiver.close();
    }
  });

  it('has the worker sign a head that moved the configured number of events, and nothing while it stands still', async () => {
    const before = ((await get(auditor, 'checkpoints').expect(200)).body as Checkpoint[])[0];
    const position = await appendOrganisations(api, city, 4);
    const signed = await eventually('a checkpoint signed by the worker', async () => {
      const [latest] = (await get(auditor, 'checkpoints').expect(200)).body as Checkpoint[];
      return latest.position === position ? latest : undefined;
    });
    expect(signed.signedAt > before.signedAt).toBe(true);
    expect(await api.worker.get(CheckpointSigner).signIfDue(asCityId(city.id))).toBeNull();
  });

  it('keeps old checkpoints verifiable after a key rotation, and lists the retired key', async () => {
    const old = ((await get(auditor, 'checkpoints').expect(200)).body as Checkpoint[]).at(-1)!;
    expect(old.keyId).toBe(keyIdA);
    const dir = mkdtempSync(join(tmpdir(), 'rl-rotation-'));
    writeFileSync(join(dir, 'a.pub'), pem(keyA.publicKey));
    const keyB = generateKeyPairSync('ed25519');
    const keyIdB = `b-${uniqueSuffix()}`;
    const rotated = await ApiHarness.start({
      AUDIT_SIGNING_KEY: pem(keyB.privateKey),
      AUDIT_SIGNING_KEY_ID: keyIdB,
      AUDIT_RETIRED_PUBLIC_KEYS: `${keyIdA}=${join(dir, 'a.pub')}`,
    });
    try {
      const signed = await rotated.http
        .post(`/v1/cities/${city.slug}/audit/checkpoints`)
        .auth(auditor.accessToken, { type: 'bearer' })
        .expect(201);
      expect(signed.body.keyId).toBe(keyIdB);
      const keys = (await rotated.http.get('/v1/public/keys').expect(200)).body as {
        keyId: string;
        publicKey: string;
      }[];
      const byId = new Map(keys.map((k) => [k.keyId, k.publicKey]));
      expect(byId.get(keyIdA)).toBe(pem(keyA.publicKey));
      expect(byId.get(keyIdB)).toBe(pem(keyB.publicKey));
      expect(signatureHolds(old, byId.get(keyIdA)!)).toBe(true);
      expect(signatureHolds(signed.body, byId.get(keyIdB)!)).toBe(true);
      const verdict = await rotated.http
        .get(`/v1/cities/${city.slug}/audit/verify`)
        .auth(auditor.accessToken, { type: 'bearer' })
        .expect(200);
      const all = (await get(auditor, 'checkpoints?limit=1000').expect(200)).body as Checkpoint[];
      expect(verdict.body).toEqual(
        expect.objectContaining({ ok: true, checkpoints: all.length, invalidCheckpoints: [] }),
      );
    } finally {
      await rotated.close();
    }
  });
});
