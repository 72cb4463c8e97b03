import { randomUUID } from 'node:crypto';
import { EventSchemas, EventStore } from '@rl/event-store';
import { asCityId, CityRole } from '@rl/kernel';
import { ApiHarness, expectProblem, Session, TestCity } from '../support/api-harness';

interface AuditEvent {
  position: number;
  streamId: string;
  version: number;
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  recordedAt: string;
  hash: string;
}
interface Page {
  events: AuditEvent[];
  next: number | null;
}

const FORBIDDEN_ROLES: CityRole[] = ['observer', 'collector', 'official', 'researcher'];
const RECORDED_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

// The audit API as an auditor (and a coordinator) would use it: the city's whole event log, filtered and
// paged, one stream's history, and the verdict of the hash chain.
describe('Audit', () => {
  let api: ApiHarness;
  let city: TestCity;
  let coordinator: Session;
  let official: Session;
  let auditor: Session;
  let otherAuditor: Session;
  const forbidden: Partial<Record<CityRole, Session>> = {};
  const orgs = Array.from({ length: 5 }, () => randomUUID());
  const stream = (org: string) => `organisation-${org}`;
  let otherCityStream: string;
  let lastPosition = 0;

  beforeAll(async () => {
    let operator: Session;
    ({ api, operator, city, coordinator } = await ApiHarness.startWithCity('Auditville'));
    official = await api.member(operator, city, 'official');
    auditor = await api.member(operator, city, 'auditor');
    for (const role of FORBIDDEN_ROLES) forbidden[role] = await api.member(operator, city, role);
    const other = await api.city(operator, 'Elsewhere');
    otherAuditor = await api.member(operator, other, 'auditor');

    // Twelve organisation events by two actors across five streams, so pages cross position 10.
    const store = api.app.get(EventStore);
    const cityId = asCityId(city.id);
    const by = (session: Session, role: CityRole) => ({ actorId: session.user.id, actorRole: role });
    for (const [i, org] of orgs.entries()) {
      await store.append(
        cityId,
        stream(org),
        0,
        [{ type: 'OrganisationRegistered', data: { organisationId: org, name: `Org ${i}`, kind: 'cso' } }],
        by(coordinator, 'coordinator'),
      );
    }
    for (const [i, org] of orgs.entries()) {
      await store.append(
        cityId,
        stream(org),
        1,
        [{ type: 'OrganisationRenamed', data: { organisationId: org, name: `Org ${i} renamed` } }],
        by(official, 'official'),
      );
    }
    const result = await store.append(
      cityId,
      stream(orgs[0]),
      2,
      [
        { type: 'OrganisationReclassified', data: { organisationId: orgs[0], kind: 'academic' } },
        { type: 'OrganisationReclassified', data: { organisationId: orgs[0], kind: 'other' } },
      ],
      by(coordinator, 'coordinator'),
    );
    lastPosition = result.position;

    otherCityStream = stream(randomUUID());
    await store.append(
      asCityId(other.id),
      otherCityStream,
      0,
      [{ type: 'OrganisationRegistered', data: { name: 'Elsewhere org', kind: 'cso' } }],
      { actorId: otherAuditor.user.id, actorRole: 'auditor' },
    );
  });
  afterAll(() => api.close());

  const get = (session: Session, path: string, query: Record<string, string | number> = {}) =>
    api.http
      .get(`/v1/cities/${city.slug}/audit/${path}`)
      .query(query)
      .auth(session.accessToken, { type: 'bearer' });
  const list = async (session: Session, query: Record<string, string | number> = {}): Promise<Page> =>
    (await get(session, 'events', query).expect(200)).body;
  const all = async (query: Record<string, string | number> = {}): Promise<AuditEvent[]> =>
    (await list(auditor, { ...query, limit: 1000 })).events;
  const ours = (events: AuditEvent[]) => events.filter((e) => e.streamId.startsWith('organisation-'));

  describe('GET /audit/events', () => {
    it('lists the whole log in position order, with actor, recordedAt and hash, for an auditor and a coordinator', async () => {
      const page = await list(auditor, { limit: 1000 });
      expect(page.next).toBeNull();
      const positions = page.events.map((e) => e.position);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      expect(positions.at(-1)).toBe(lastPosition);
      // The city's log also holds its membership events; ours are the last twelve.
      const organisationEvents = ours(page.events);
      expect(organisationEvents).toHaveLength(12);
      expect(organisationEvents[0]).toEqual({
        position: expect.any(Number),
        streamId: stream(orgs[0]),
        version: 1,
        type: 'OrganisationRegistered',
        data: { organisationId: orgs[0], name: 'Org 0', kind: 'cso' },
        metadata: { actorId: coordinator.user.id, actorRole: 'coordinator' },
        recordedAt: expect.stringMatching(RECORDED_AT),
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      expect(organisationEvents[5].metadata).toEqual({ actorId: official.user.id, actorRole: 'official' });
      expect(new Set(page.events.map((e) => e.hash)).size).toBe(page.events.length);

      expect(await list(coordinator, { limit: 1000 })).toEqual(page);
    });

    it('filters by type, stream, actor and time, and combinations of them', async () => {
      const renamed = await all({ type: 'OrganisationRenamed' });
      expect(renamed.map((e) => e.streamId)).toEqual(orgs.map(stream));
      expect(renamed.every((e) => e.type === 'OrganisationRenamed' && e.version === 2)).toBe(true);

      const first = await all({ stream: stream(orgs[0]) });
      expect(first.map((e) => [e.version, e.type])).toEqual([
        [1, 'OrganisationRegistered'],
        [2, 'OrganisationRenamed'],
        [3, 'OrganisationReclassified'],
        [4, 'OrganisationReclassified'],
      ]);

      const byOfficial = await all({ actor: official.user.id });
      expect(byOfficial).toEqual(renamed);
      const byCoordinator = await all({ actor: coordinator.user.id, type: 'OrganisationReclassified' });
      expect(byCoordinator.map((e) => e.version)).toEqual([3, 4]);
      expect(await all({ actor: randomUUID() })).toEqual([]);
      expect(await all({ stream: otherCityStream })).toEqual([]);

      // from is inclusive, to exclusive; the instants may be copied from recordedAt (microseconds).
      const events = ours(await all());
      const window = await all({ from: events[3].recordedAt, to: events[6].recordedAt });
      expect(window.map((e) => e.position)).toEqual(events.slice(3, 6).map((e) => e.position));
      expect(await all({ from: '2000-01-01T00:00:00+01:00', to: '2000-01-02T00:00:00Z' })).toEqual([]);
    });

    it('pages with after/next, returning every event exactly once', async () => {
      const everything = await all();
      for (const limit of [1, 4, 5, everything.length]) {
        const seen: number[] = [];
        let after = 0;
        for (let pages = 0; ; pages++) {
          expect(pages).toBeLessThanOrEqual(everything.length);
          const page = await list(auditor, { limit, after });
          expect(page.events.length).toBeLessThanOrEqual(limit);
          seen.push(...page.events.map((e) => e.position));
          if (page.next === null) break;
          expect(page.next).toBe(page.events.at(-1)?.position);
          after = page.next;
        }
        expect(seen).toEqual(everything.map((e) => e.position));
      }
      const renamed: AuditEvent[] = [];
      let page = await list(coordinator, { type: 'OrganisationRenamed', limit: 2 });
      renamed.push(...page.events);
      while (page.next !== null) {
        page = await list(coordinator, { type: 'OrganisationRenamed', limit: 2, after: page.next });
        renamed.push(...page.events);
      }
      expect(renamed).toEqual(await all({ type: 'OrganisationRenamed' }));
    });

    it('defaults to 100 events a page', async () => {
      const page = await list(auditor);
      expect(page.events).toEqual(await all());
    });

    it.each<[string, string, Record<string, string | number>]>([
      ['limit', 'zero', { limit: 0 }],
      ['limit', 'over 1000', { limit: 1001 }],
      ['limit', 'not a number', { limit: 'ten' }],
      ['after', 'negative', { after: -1 }],
      ['after', 'not an integer', { after: '1.5' }],
      ['from', 'not a date', { from: 'yesterday' }],
      ['from', 'without an offset', { from: '2025-03-01T10:00:00' }],
      ['to', 'not a real date', { to: '2025-02-30T00:00:00Z' }],
      ['type', 'longer than 200 characters', { type: 'x'.repeat(201) }],
      ['sort', 'unknown', { sort: 'desc' }],
    ])('refuses %s (%s) with 400 naming it', async (field, _, query) => {
      const problem = expectProblem(await get(auditor, 'events', query), 400, 'REQUEST.INVALID');
      expect(problem.errors.map((e) => e.field)).toContain(field);
    });
  });

  describe('GET /audit/streams/:streamId', () => {
    it('returns the whole stream in stream order', async () => {
      const res = await get(auditor, `streams/${stream(orgs[0])}`).expect(200);
      expect(res.body).toEqual({
        streamId: stream(orgs[0]),
        events: await all({ stream: stream(orgs[0]) }),
        next: null,
      });
      expect(res.body.events.map((e: AuditEvent) => e.version)).toEqual([1, 2, 3, 4]);
      expect((await get(coordinator, `streams/${stream(orgs[1])}`).expect(200)).body.events).toHaveLength(2);
    });

    it("answers 404 AUDIT.STREAM_NOT_FOUND for an unknown stream and for another city's stream", async () => {
      expectProblem(await get(auditor, `streams/${stream(randomUUID())}`), 404, 'AUDIT.STREAM_NOT_FOUND');
      expectProblem(await get(auditor, `streams/${otherCityStream}`), 404, 'AUDIT.STREAM_NOT_FOUND');
    });

    it('returns old events upcast to the current schema of their type', async () => {
      const probe = `audit-probe-${randomUUID()}`;
      await api.app
        .get(EventStore)
        .append(asCityId(city.id), probe, 0, [{ type: 'AuditProbeRecorded', data: { title: 'Old shape' } }], {
          actorId: coordinator.user.id,
        });
      // The type gains a version 2 after the event was recorded as version 1.
      api.app.get(EventSchemas).register('AuditProbeRecorded', 2, {
        1: (data) => ({ name: (data as { title: string }).title }),
      });
      const res = await get(auditor, `streams/${probe}`).expect(200);
      expect(res.body.events.map((e: AuditEvent) => e.data)).toEqual([{ name: 'Old shape' }]);
      expect((await all({ stream: probe })).map((e) => e.data)).toEqual([{ name: 'Old shape' }]);
      lastPosition = res.body.events[0].position;
    });
  });

  describe('GET /audit/verify', () => {
    it("confirms the city's chain and reports its head", async () => {
      const events = await all();
      const res = await get(auditor, 'verify').expect(200);
      expect(res.body).toEqual({
        ok: true,
        streams: new Set(events.map((e) => e.streamId)).size,
        events: events.length,
        headPosition: lastPosition,
        headHash: events.at(-1)?.hash,
        // No checkpoint signed yet (test/e2e/checkpoints.e2e-spec.ts covers them).
        checkpoints: 0,
        invalidCheckpoints: [],
      });
      expect(events.at(-1)?.position).toBe(lastPosition);
      expect((await get(coordinator, 'verify').expect(200)).body).toEqual(res.body);
    });
  });

  describe('access', () => {
    const paths = () => ['events', `streams/${stream(orgs[0])}`, 'verify'];

    it.each(FORBIDDEN_ROLES)('refuses a %s with 403 on every audit route', async (role) => {
      for (const path of paths())
        expectProblem(await get(forbidden[role]!, path), 403, 'AUTH.ROLE_NOT_ALLOWED');
    });

    it("answers another city's auditor 404, as if the city did not exist", async () => {
      for (const path of paths()) expectProblem(await get(otherAuditor, path), 404, 'CITY.NOT_FOUND');
    });

    it('requires a signed-in caller', async () => {
      for (const path of paths()) {
        expectProblem(await api.http.get(`/v1/cities/${city.slug}/audit/${path}`), 401);
      }
    });
  });
});
