import { randomUUID } from 'node:crypto';
import { CityRole } from '@rl/kernel';
import { ApiHarness, Session, TestCity } from '../api-harness';

export interface SeededCity {
  city: TestCity;
  sessions: Record<CityRole, Session>;
  // Ids of every object of the city by kind, a member included (the fuzzing sessions' own ids apart).
  objects: Record<string, string>;
  // Ids of the members the fuzz logs in as: kept out of generated ids, so no case demotes its own caller.
  sessionUserIds: string[];
  positions: number[];
}

// A city with one of everything, every name and text carrying `marker`, nothing published.
export async function seedCity(
  api: ApiHarness,
  operator: Session,
  name: string,
  marker: string,
): Promise<SeededCity> {
  const city = await api.city(operator, name);
  const named = (role: string) => ({ name: `${marker} ${role}` });
  const coordinator = await api.member(operator, city, 'coordinator', named('coordinator'));
  const as = (session: Session, method: 'post' | 'put', path: string, body: object) =>
    api.http[method](`/v1/cities/${city.slug}/${path}`)
      .auth(session.accessToken, { type: 'bearer' })
      .send(body)
      .expect(201)
      .then((res) => res.body as { id: string; position?: number });

  const organisation = await as(coordinator, 'post', 'organisations', { name: `${marker} CSO`, kind: 'cso' });
  const [official, collector, researcher, auditor, observer, spare] = await Promise.all([
    api.member(operator, city, 'official', named('official')),
    api.member(operator, city, 'collector', { organisationId: organisation.id, ...named('collector') }),
    api.member(operator, city, 'researcher', named('researcher')),
    api.member(operator, city, 'auditor', named('auditor')),
    api.member(operator, city, 'observer', named('observer')),
    api.member(operator, city, 'observer', named('spare')),
  ]);
  const indicator = await as(coordinator, 'post', 'indicators', {
    code: `FZ-${randomUUID().slice(0, 6)}`,
    name: `${marker} indicator`,
    right: 'non-discrimination',
    type: 'outcome',
    unit: 'count',
    direction: 'neutral',
    disaggregations: [{ dimension: 'ground', values: [] }],
    frameworkRefs: [{ framework: 'SDG', code: '11.1.1' }],
    description: marker,
    status: 'active',
  });
  const period = await as(coordinator, 'post', 'periods', { code: '2024', deadline: '2099-03-31' });
  const assignment = await as(coordinator, 'post', 'assignments', {
    indicatorId: indicator.id,
    organisationId: organisation.id,
    periodId: period.id,
  });
  const submission = await as(collector, 'post', 'submissions', {
    indicatorId: indicator.id,
    periodId: period.id,
    observations: [{ disaggregation: { ground: marker }, value: 7 }],
    note: marker,
  });
  const comment = await as(official, 'post', 'comments', {
    target: { kind: 'submission', id: submission.id },
    body: `${marker} comment`,
  });
  const resource = await as(collector, 'post', 'resources', {
    kind: 'knowledge',
    title: `${marker} resource`,
    offeredBy: organisation.id,
    description: marker,
    links: [{ kind: 'indicator', id: indicator.id }],
  });
  const meeting = await as(coordinator, 'post', 'meetings', {
    title: `${marker} meeting`,
    kind: 'results',
    startsAt: '2020-01-01T09:00:00Z',
    endsAt: '2020-01-01T11:00:00Z',
    agenda: [{ title: `${marker} item`, durationMinutes: 30 }],
    periodId: period.id,
    indicatorIds: [indicator.id],
    invitedOrganisationIds: [organisation.id],
  });
  // Optional: an outbound-URL guard may refuse a host that does not resolve.
  const webhook = await api.http
    .post(`/v1/cities/${city.slug}/webhooks`)
    .auth(coordinator.accessToken, { type: 'bearer' })
    .send({ url: `https://fuzz.invalid/${marker}` });
  const sessions = { coordinator, official, collector, researcher, auditor, observer };
  return {
    city,
    sessions,
    objects: {
      city: city.id,
      user: spare.user.id,
      organisation: organisation.id,
      indicator: indicator.id,
      period: period.id,
      assignment: assignment.id,
      submission: submission.id,
      comment: comment.id,
      resource: resource.id,
      meeting: meeting.id,
      ...(webhook.status === 201 ? { webhook: webhook.body.id as string } : {}),
    },
    sessionUserIds: Object.values(sessions).map((s) => s.user.id),
    positions: [submission.position ?? 0, comment.position ?? 0],
  };
}
