import { Parser, Quad } from 'n3';
import { TenantDb } from '@rl/persistence';
import { ApiHarness, cityWithPeople, eventually, expectProblem, Session, TestCity } from '../support';

const SKOS = 'http://www.w3.org/2004/02/skos/core#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

interface Term {
  id: string;
  status: string;
  version: number;
  prefLabel: Record<string, string>;
  definition: Record<string, string>;
  broader: string[];
  narrower: string[];
  replacedBy: string | null;
  proposals: {
    id: string;
    status: string;
    rationale: string;
    note: string | null;
    support: number;
    objection: number;
  }[];
}

// SHACL-like checks on a parsed SKOS graph: one prefLabel per language, labels of a concept disjoint.
function checkSkosIntegrity(quads: Quad[]): void {
  const concepts = quads.filter((q) => q.predicate.value === RDF_TYPE && q.object.value === `${SKOS}Concept`);
  for (const { subject } of concepts) {
    const labels = (p: string) =>
      quads
        .filter((q) => q.subject.equals(subject) && q.predicate.value === `${SKOS}${p}`)
        .map((q) => q.object);
    const pref = labels('prefLabel');
    const langs = pref.map((o) => (o.termType === 'Literal' ? o.language : ''));
    expect(langs.every((l) => l !== '')).toBe(true);
    expect(new Set(langs).size).toBe(langs.length);
    const all = [...pref, ...labels('altLabel'), ...labels('hiddenLabel')].map(
      (o) => `${o.termType === 'Literal' ? o.language : ''}|${o.value.toLowerCase()}`,
    );
    expect(new Set(all).size).toBe(all.length);
  }
}

describe('Glossary (participatory, SKOS)', () => {
  let api: ApiHarness;
  let operator: Session;
  let ghent: TestCity;
  let coordinator: Session;
  let official: Session;
  let collector: Session;
  let researcher: Session;
  let observer: Session;
  let padua: TestCity;
  let paduaCoordinator: Session;

  beforeAll(async () => {
    ({ api, operator } = await ApiHarness.startWithOperator());
    ({
      city: ghent,
      coordinator,
      official,
      collector,
      researcher,
      observer,
    } = await cityWithPeople(api, operator, 'Ghent'));
    padua = await api.city(operator, 'Padua');
    paduaCoordinator = await api.member(operator, padua, 'coordinator');
  });
  afterAll(() => api.close());

  const url = (city: TestCity, suffix = '') => `/v1/cities/${city.slug}/glossary${suffix}`;
  const post = (session: Session, path: string, body: object, version?: number) => {
    const req = api.http.post(path).auth(session.accessToken, { type: 'bearer' });
    if (version !== undefined) req.set('If-Match', String(version));
    return req.send(body);
  };
  const read = async (session: Session, city: TestCity, id: string, position: number): Promise<Term> => {
    const res = await api.http
      .get(url(city, `/terms/${id}?minPosition=${position}`))
      .auth(session.accessToken, { type: 'bearer' })
      .expect(200);
    return res.body as Term;
  };
  const propose = async (
    session: Session,
    city: TestCity,
    prefLabel: object,
    definition: object,
    extra = {},
  ) => {
    const res = await post(session, url(city, '/terms'), { prefLabel, definition, ...extra }).expect(201);
    return res.body as { id: string; version: number; position: number };
  };
  const adoptNow = async (city: TestCity, session: Session, id: string, version: number) =>
    (await post(session, url(city, `/terms/${id}/adopt`), { note: 'Agreed' }, version).expect(200)).body as {
      version: number;
      position: number;
    };

  let participation: string;
  let monitoring: string;

  it('a collector proposes, members support or object, the coordinator adopts with If-Match', async () => {
    const created = await propose(
      collector,
      ghent,
      { en: 'Participation', nl: 'Participatie' },
      { en: 'Taking part in public decisions.', nl: 'Deelnemen aan publieke beslissingen.' },
      { altLabels: { en: ['Civic participation'] }, rationale: 'We all use it differently' },
    );
    participation = created.id;
    expect(created).toEqual({
      id: expect.any(String),
      status: 'proposed',
      version: 1,
      position: expect.any(Number),
    });

    const taken = await post(official, url(ghent, '/terms'), {
      prefLabel: { nl: 'participatie' },
      definition: { nl: 'x' },
    });
    expectProblem(taken, 409, 'GLOSSARY_TERM.LABEL_TAKEN');
    const overlap = await post(official, url(ghent, '/terms'), {
      prefLabel: { en: 'Monitoring' },
      altLabels: { en: ['monitoring'] },
      definition: { en: 'x' },
    });
    expectProblem(overlap, 422, 'GLOSSARY_TERM.LABELS_OVERLAP');
    expectProblem(
      await post(observer, url(ghent, '/terms'), { prefLabel: { en: 'X' }, definition: { en: 'x' } }),
      403,
    );

    const first = (await read(collector, ghent, participation, created.position)).proposals[0];
    const stance = (session: Session, value: string) =>
      post(session, url(ghent, `/terms/${participation}/proposals/${first.id}/stance`), {
        stance: value,
      }).expect(200);
    await stance(official, 'support');
    await stance(researcher, 'object');
    const changed = await stance(researcher, 'support');
    const discussed = await read(researcher, ghent, participation, changed.body.position);
    expect(discussed.proposals[0]).toMatchObject({ status: 'open', support: 2, objection: 0 });
    expectProblem(
      await post(observer, url(ghent, `/terms/${participation}/proposals/${first.id}/stance`), {
        stance: 'object',
      }),
      403,
    );

    expectProblem(await post(collector, url(ghent, `/terms/${participation}/adopt`), { note: 'x' }, 1), 403);
    const stale = await post(coordinator, url(ghent, `/terms/${participation}/adopt`), { note: 'x' }, 1);
    expect(expectProblem(stale, 409, 'GLOSSARY_TERM.VERSION_CONFLICT')).toMatchObject({
      currentVersion: discussed.version,
    });
    const adopted = await adoptNow(ghent, coordinator, participation, discussed.version);
    const term = await read(observer, ghent, participation, adopted.position);
    expect(term).toMatchObject({ status: 'adopted', prefLabel: { en: 'Participation', nl: 'Participatie' } });
    expect(term.proposals[0]).toMatchObject({ status: 'adopted', note: 'Agreed' });
  });

  it('revisions coexist; adopting one supersedes the other; history and as-of tell who, when, why', async () => {
    const before = new Date().toISOString();
    const revise = (session: Session, changes: object, rationale: string) =>
      post(session, url(ghent, `/terms/${participation}/proposals`), { changes, rationale }).expect(201);
    const a = await revise(collector, { scopeNote: { en: 'Not only voting.' } }, 'Scope it');
    const b = await revise(
      researcher,
      { definition: { en: 'Having a real say in public decisions.' } },
      'OHCHR wording',
    );
    const term = await read(coordinator, ghent, participation, b.body.position);
    expectProblem(
      await post(coordinator, url(ghent, `/terms/${participation}/adopt`), { note: 'x' }, term.version),
      422,
      'GLOSSARY_TERM.PROPOSAL_REQUIRED',
    );
    const adopted = (
      await post(
        coordinator,
        url(ghent, `/terms/${participation}/adopt`),
        { proposalId: b.body.proposalId, note: 'Working session 2' },
        term.version,
      ).expect(200)
    ).body;
    const now = await read(coordinator, ghent, participation, adopted.position);
    expect(now.definition.en).toBe('Having a real say in public decisions.');
    expect(now.proposals.find((p) => p.id === a.body.proposalId)).toMatchObject({
      status: 'superseded',
      note: `Superseded by the adoption of proposal ${b.body.proposalId}`,
    });

    const then = await api.http
      .get(url(ghent, `/terms/${participation}?asOf=${encodeURIComponent(before)}`))
      .auth(coordinator.accessToken, { type: 'bearer' })
      .expect(200);
    expect(then.body.definition.en).toBe('Taking part in public decisions.');

    const history = await api.http
      .get(url(ghent, `/terms/${participation}/history`))
      .auth(official.accessToken, { type: 'bearer' })
      .expect(200);
    expect(history.body.map((h: { type: string }) => h.type)).toContain('GlossaryProposalSuperseded');
    expect(
      history.body.find((h: { type: string; why: string }) => h.why === 'Working session 2'),
    ).toMatchObject({
      type: 'GlossaryProposalAdopted',
      actor: { id: coordinator.user.id, role: 'coordinator' },
      recordedAt: expect.any(String),
    });
  });

  it("a researcher comments on a proposal's term, a reply is threaded; another city cannot comment", async () => {
    const comments = (city: TestCity) => `/v1/cities/${city.slug}/comments`;
    const target = { kind: 'glossary-term', id: participation };
    const first = await post(researcher, comments(ghent), {
      target,
      body: 'OHCHR speaks of a real say, not only of taking part.',
    }).expect(201);
    const reply = await post(collector, comments(ghent), {
      target,
      parentId: first.body.id,
      body: 'Agreed, the revision says so.',
    }).expect(201);
    const threads = await api.http
      .get(
        `${comments(ghent)}?targetKind=glossary-term&targetId=${participation}&minPosition=${reply.body.position}`,
      )
      .auth(observer.accessToken, { type: 'bearer' })
      .expect(200);
    expect(threads.body).toHaveLength(1);
    expect(threads.body[0]).toMatchObject({
      id: first.body.id,
      target,
      author: { id: researcher.user.id, role: 'researcher' },
      replies: [{ id: reply.body.id, parentId: first.body.id, author: { role: 'collector' } }],
    });

    expectProblem(await post(paduaCoordinator, comments(ghent), { target, body: 'From Padua' }), 404);
    const viaPadua = await post(paduaCoordinator, comments(padua), { target, body: 'From Padua' });
    expectProblem(viaPadua, 422, 'COMMENT.UNKNOWN_TARGET');
  });

  it('keeps the hierarchy free of cycles and lists with q, status and lang', async () => {
    const created = await propose(
      official,
      ghent,
      { en: 'Monitoring', nl: 'Monitoring' },
      { en: 'Watching over time.' },
      { broader: [participation] },
    );
    monitoring = created.id;
    const adopted = await adoptNow(ghent, coordinator, monitoring, 1);
    const parent = await read(coordinator, ghent, participation, adopted.position);
    expect(parent.narrower).toEqual([monitoring]);
    const cycle = await post(collector, url(ghent, `/terms/${participation}/proposals`), {
      changes: { broader: [monitoring] },
      rationale: 'Loop',
    });
    expectProblem(cycle, 422, 'GLOSSARY_TERM.CYCLE');

    const list = await api.http
      .get(url(ghent, `/terms?q=watching&status=adopted&lang=en&minPosition=${adopted.position}`))
      .auth(observer.accessToken, { type: 'bearer' })
      .expect(200);
    expect(list.body.map((t: Term) => t.id)).toEqual([monitoring]);
  });

  it('pages the terms by label with a Link cursor, filters kept', async () => {
    const list = (query: string) =>
      api.http
        .get(url(ghent, `/terms?${query}`))
        .auth(observer.accessToken, { type: 'bearer' })
        .expect(200);
    const all = (await list('lang=en')).body.map((t: Term) => t.id);
    expect(all.length).toBeGreaterThan(1);
    const seen: string[] = [];
    let next: string | undefined = url(ghent, '/terms?lang=en&limit=1');
    while (next) {
      const page: { body: Term[]; headers: Record<string, string | undefined> } = await api.http
        .get(next)
        .auth(observer.accessToken, { type: 'bearer' })
        .expect(200);
      expect(page.body.length).toBeLessThanOrEqual(1);
      seen.push(...page.body.map((t) => t.id));
      next = /<([^>]+)>; rel="next"/.exec(page.headers.link ?? '')?.[1];
    }
    expect(seen).toEqual(all);
    const adopted = await list('status=adopted&lang=en&limit=1');
    expect(adopted.body.map((t: Term) => t.status)).toEqual(['adopted']);
    expect(adopted.headers.link).toMatch(/status=adopted/);
    const before = await list(`asOf=${encodeURIComponent('2000-01-01T00:00:00Z')}`);
    expect(before.body).toEqual([]);
    expectProblem(
      await api.http.get(url(ghent, '/terms?after=bogus')).auth(observer.accessToken, { type: 'bearer' }),
      400,
      'REQUEST.INVALID_CURSOR',
    );
  });

  it('deprecates a term with its replacement; it stays readable', async () => {
    const old = await propose(coordinator, ghent, { en: 'Involvement' }, { en: 'Old wording.' });
    const adopted = await adoptNow(ghent, coordinator, old.id, 1);
    const deprecated = await post(
      coordinator,
      url(ghent, `/terms/${old.id}/deprecate`),
      { note: 'Merged', replacedBy: participation },
      2,
    ).expect(200);
    const term = await read(collector, ghent, old.id, deprecated.body.position);
    expect(term).toMatchObject({ status: 'deprecated', replacedBy: participation });
    expect(adopted.version).toBe(2);
  });

  it('of concurrent proposals with one label, exactly one wins (the others 409)', async () => {
    const body = { prefLabel: { en: 'Services' }, definition: { en: 'What the city provides.' } };
    const statuses = await Promise.all(
      [collector, official, researcher].map(async (s) => (await post(s, url(ghent, '/terms'), body)).status),
    );
    expect(statuses.sort()).toEqual([201, 409, 409]);
  });

  it('another city sees nothing of it (404)', async () => {
    const res = await api.http
      .get(url(ghent, `/terms/${participation}`))
      .auth(paduaCoordinator.accessToken, { type: 'bearer' });
    expectProblem(res, 404);
  });

  let turtle: string;

  it('publishes SKOS: JSON, Turtle a real parser reads, JSON-LD; matches only to published terms', async () => {
    const path = `/v1/public/cities/${ghent.slug}/glossary`;
    expect((await api.http.get(path).expect(200)).body.concepts).toEqual([]);
    // The reader roles see published columns only: proposals, stances and who made them stay in the city.
    const asReader = (sql: string) =>
      api.app.get(TenantDb).published('public', (em) => em.query<unknown[]>(sql, [ghent.id]));
    await expect(asReader(`SELECT proposals FROM glossary_terms WHERE tenant_id = $1`)).rejects.toMatchObject(
      {
        driverError: { code: '42501' },
      },
    );
    await api.http
      .put(url(ghent, '/publication'))
      .auth(coordinator.accessToken, { type: 'bearer' })
      .send({ public: true })
      .expect(200);

    const json = await api.http.get(path).expect(200);
    expect(json.body.concepts).toHaveLength(3);
    const ttl = await api.http
      .get(path)
      .set('Accept', 'text/turtle')
      .expect('Content-Type', /text\/turtle/)
      .expect(200);
    turtle = ttl.text;
    const quads = new Parser().parse(turtle);
    expect(
      quads.some((q) => q.predicate.value === RDF_TYPE && q.object.value === `${SKOS}ConceptScheme`),
    ).toBe(true);
    checkSkosIntegrity(quads);
    const concept = `${api.config.publicUrl.replace(/\/$/, '')}${path}#${participation}`;
    expect(
      quads
        .filter((q) => q.subject.value === concept && q.predicate.value === `${SKOS}prefLabel`)
        .map((q) => q.object.id)
        .sort(),
    ).toEqual(['"Participatie"@nl', '"Participation"@en']);
    expect(turtle).toContain('owl:deprecated true');
    expect(turtle).toContain('dct:isReplacedBy');
    const jsonLd = await api.http
      .get(path)
      .set('Accept', 'application/ld+json')
      .expect('Content-Type', /application\/ld\+json/)
      .expect(200);
    expect(JSON.parse(jsonLd.text)['@graph'][0]).toMatchObject({ '@type': 'ConceptScheme' });

    const theirs = await propose(
      paduaCoordinator,
      padua,
      { it: 'Partecipazione', en: 'Participation' },
      { it: 'Prendere parte.' },
    );
    const matchPath = url(ghent, `/terms/${participation}/matches`);
    const unpublished = await post(coordinator, matchPath, {
      city: padua.slug,
      termId: theirs.id,
      kind: 'exactMatch',
    });
    expectProblem(unpublished, 422, 'GLOSSARY_TERM.MATCH_TARGET_UNKNOWN');
    const adoptedThere = await adoptNow(padua, paduaCoordinator, theirs.id, 1);
    // The match reads Padua's read model: wait until it shows the adoption.
    await read(paduaCoordinator, padua, theirs.id, adoptedThere.position);
    await api.http
      .put(url(padua, '/publication'))
      .auth(paduaCoordinator.accessToken, { type: 'bearer' })
      .send({ public: true })
      .expect(200);
    await post(coordinator, matchPath, { city: padua.slug, termId: theirs.id, kind: 'exactMatch' }).expect(
      201,
    );
    const clash = await post(coordinator, matchPath, {
      city: padua.slug,
      termId: theirs.id,
      kind: 'broadMatch',
    });
    expectProblem(clash, 409, 'GLOSSARY_TERM.MATCH_CONFLICT');
    expectProblem(
      await post(official, matchPath, { city: padua.slug, termId: theirs.id, kind: 'closeMatch' }),
      403,
    );
  });

  it('round trip: the exported Turtle imported into another city gives the same labels and definitions', async () => {
    const other = await api.city(operator, 'Roundtrip');
    const otherCoordinator = await api.member(operator, other, 'coordinator');
    const imported = await api.http
      .post(url(other, '/import'))
      .auth(otherCoordinator.accessToken, { type: 'bearer' })
      .attach('file', Buffer.from(turtle), 'ghent.ttl')
      .expect(201);
    expect(imported.body).toMatchObject({ proposed: 2, skippedCount: 1 });
    const terms = await api.http
      .get(url(other, `/terms?minPosition=${imported.body.position}`))
      .auth(otherCoordinator.accessToken, { type: 'bearer' })
      .expect(200);
    const texts = (list: Term[]) => list.map(({ prefLabel, definition }) => ({ prefLabel, definition }));
    const source = await api.http
      .get(url(ghent, '/terms?status=adopted'))
      .auth(coordinator.accessToken, { type: 'bearer' })
      .expect(200);
    expect(texts(terms.body)).toEqual(texts(source.body));
    expect(terms.body.every((t: Term) => t.status === 'proposed')).toBe(true);

    const broken = await api.http
      .post(url(other, '/import'))
      .auth(otherCoordinator.accessToken, { type: 'bearer' })
      .attach(
        'file',
        Buffer.from('@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n<a> skos:x ?? .'),
        'bad.ttl',
      );
    expect(expectProblem(broken, 422, 'GLOSSARY.IMPORT_UNREADABLE').errors[0].message).toMatch(/^line 2:/);
  });

  it("an erased member's rationales read as erased, in the term and its history", async () => {
    const res = await api.http
      .post(`/v1/platform/people/${researcher.user.id}/erasure`)
      .auth(operator.accessToken, { type: 'bearer' })
      .expect(200);
    const { position } = (res.body.cities as { city: string; position: number }[]).find(
      (c) => c.city === ghent.slug,
    ) ?? {
      position: 0,
    };
    const term = await read(coordinator, ghent, participation, position);
    const theirs = term.proposals.find((p) => p.status === 'adopted' && p.note === 'Working session 2');
    expect(theirs).toMatchObject({ rationale: '[erased]' });
    const history = await api.http
      .get(url(ghent, `/terms/${participation}/history`))
      .auth(coordinator.accessToken, { type: 'bearer' })
      .expect(200);
    expect(history.body.map((h: { why: string }) => h.why)).toContain('[erased]');
    expect(history.body.map((h: { why: string }) => h.why)).toContain('Working session 2');
  });

  it("an indicator links terms and shows their current definitions in the reader's language", async () => {
    const created = await propose(
      official,
      ghent,
      { en: 'Baseline', nl: 'Nulmeting' },
      { en: 'The value at the start.', nl: 'De waarde bij de start.' },
    );
    const baseline = (await adoptNow(ghent, coordinator, created.id, 1)).position;
    const defined = await post(coordinator, `/v1/cities/${ghent.slug}/indicators`, {
      code: 'PA-P1',
      name: { en: 'Residents in participation processes' },
      right: 'participation',
      type: 'process',
      unit: 'count',
      direction: 'higher_is_better',
      terms: [created.id, participation],
    }).expect(201);
    expect(defined.body.position).toBeGreaterThan(baseline);
    const indicator = async (lang: string) =>
      (
        await api.http
          .get(
            `/v1/cities/${ghent.slug}/indicators/${defined.body.id}?minPosition=${defined.body.position}${lang}`,
          )
          .auth(observer.accessToken, { type: 'bearer' })
          .expect(200)
      ).body as { terms: string[]; linkedTerms: object[] };
    const inDutch = await indicator('&lang=nl');
    expect(inDutch.terms).toEqual([created.id, participation]);
    // The adopted revision of "participation" defines it in English only: shown in English.
    expect(inDutch.linkedTerms).toEqual([
      {
        id: created.id,
        status: 'adopted',
        lang: 'nl',
        prefLabel: 'Nulmeting',
        definition: 'De waarde bij de start.',
      },
      {
        id: participation,
        status: 'adopted',
        lang: 'en',
        prefLabel: 'Participation',
        definition: 'Having a real say in public decisions.',
      },
    ]);
    expect((await indicator('&lang=en')).linkedTerms[0]).toMatchObject({ lang: 'en', prefLabel: 'Baseline' });
  });

  it("an indicator links only its city's terms (proposed ones too): another city's term is refused", async () => {
    const ours = await propose(collector, ghent, { en: 'Service' }, { en: 'What the city provides.' });
    const theirs = await propose(paduaCoordinator, padua, { en: 'Service' }, { en: 'What Padua provides.' });
    const indicator = {
      code: 'PA-P2',
      name: { en: 'Services used' },
      right: 'participation',
      type: 'process',
      unit: 'count',
      direction: 'neutral',
    };
    const refused = expectProblem(
      await post(coordinator, `/v1/cities/${ghent.slug}/indicators`, { ...indicator, terms: [theirs.id] }),
      422,
      'INDICATOR.UNKNOWN_TERM',
    );
    expect(refused.errors).toEqual([
      { field: 'terms', message: `${theirs.id} is not a glossary term of this city` },
    ]);
    // A proposed term may be linked already.
    const defined = await post(coordinator, `/v1/cities/${ghent.slug}/indicators`, {
      ...indicator,
      terms: [ours.id],
    }).expect(201);
    const unknown = '0192f0aa-0000-7000-8000-00000000dead';
    const patched = await api.http
      .patch(`/v1/cities/${ghent.slug}/indicators/${defined.body.id}`)
      .auth(coordinator.accessToken, { type: 'bearer' })
      .set('If-Match', String(defined.body.version))
      .send({ terms: [ours.id, unknown] });
    expect(expectProblem(patched, 422, 'INDICATOR.UNKNOWN_TERM').errors[0]).toMatchObject({ field: 'terms' });
  });

  it("an adopted change to a linked term is an in-app notice to the indicator's followers, not to the actor", async () => {
    const term = await propose(collector, ghent, { en: 'Accessibility' }, { en: 'Reachable by all.' });
    const adopted = await adoptNow(ghent, coordinator, term.id, 1);
    const indicator = await post(coordinator, `/v1/cities/${ghent.slug}/indicators`, {
      code: 'PA-F1',
      name: { en: 'Accessible meeting places' },
      right: 'participation',
      type: 'structural',
      unit: 'count',
      direction: 'higher_is_better',
      terms: [term.id],
    }).expect(201);
    const followPath = `/v1/cities/${ghent.slug}/indicators/${indicator.body.id}/follow`;
    const follow = (session: Session, path = followPath) =>
      api.http.put(path).auth(session.accessToken, { type: 'bearer' });
    const followed = await follow(official).expect(200);
    expect(followed.body).toEqual({ version: 1, position: expect.any(Number) });
    expect((await follow(official).expect(200)).body.version).toBe(1);
    await follow(observer).expect(200);
    await api.http.delete(followPath).auth(observer.accessToken, { type: 'bearer' }).expect(200);
    expectProblem(
      await follow(
        official,
        `/v1/cities/${ghent.slug}/indicators/0192f0aa-0000-7000-8000-00000000dead/follow`,
      ),
      404,
      'INDICATOR.NOT_FOUND',
    );
    expectProblem(
      await follow(paduaCoordinator, `/v1/cities/${padua.slug}/indicators/${indicator.body.id}/follow`),
      404,
      'INDICATOR.NOT_FOUND',
    );
    const mine = await api.http
      .get(`/v1/cities/${ghent.slug}/me/follows?minPosition=${followed.body.position}`)
      .auth(official.accessToken, { type: 'bearer' })
      .expect(200);
    expect(mine.body).toEqual([
      {
        indicatorId: indicator.body.id,
        code: 'PA-F1',
        name: { en: 'Accessible meeting places' },
        followedAt: expect.any(String),
      },
    ]);
    // A commenter on the indicator follows it too.
    await post(researcher, `/v1/cities/${ghent.slug}/comments`, {
      target: { kind: 'indicator', id: indicator.body.id },
      body: 'Which places count?',
    }).expect(201);

    await post(collector, url(ghent, `/terms/${term.id}/proposals`), {
      changes: { definition: { en: 'Reachable and usable by all.' } },
      rationale: 'Usable too',
    }).expect(201);
    await adoptNow(ghent, coordinator, term.id, adopted.version + 1);
    const termNotices = async (session: Session) =>
      (
        (await api.http.get('/v1/me/notifications').auth(session.accessToken, { type: 'bearer' }).expect(200))
          .body as { kind: string; data: Record<string, unknown> }[]
      ).filter((n) => n.kind === 'term.changed' && n.data.termLabel === 'Accessibility');
    const [notice] = await eventually('the term.changed notice', async () => {
      const notices = await termNotices(official);
      return notices.length > 0 ? notices : undefined;
    });
    expect(notice.data).toMatchObject({
      indicatorCode: 'PA-F1',
      termDeprecated: false,
      link: expect.stringContaining(`/glossary/terms/${term.id}`),
    });
    expect(await termNotices(researcher)).toHaveLength(1);
    expect(await termNotices(coordinator)).toEqual([]);
    expect(await termNotices(observer)).toEqual([]);
    expect(await termNotices(official)).toHaveLength(1);
  });
});
