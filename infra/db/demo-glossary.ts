import { CommandBus } from '@nestjs/cqrs';
import { PostCommentCommand } from '@rl/comments';
import {
  DecideProposalCommand,
  DeprecateTermCommand,
  GLOSSARY_TERMS_PROJECTION,
  MatchTermCommand,
  ProposeRevisionCommand,
  ProposeTermCommand,
  SetGlossaryPublicationCommand,
  TakeStanceCommand,
} from '@rl/glossary';
import { FollowIndicatorCommand } from '@rl/notifications';
import { ProjectionWaiter } from '@rl/projections';
import { DemoValuesCity } from './demo-values';
import { DEMO_GLOSSARY_LANGUAGES, DEMO_MATCHES, DEMO_REVISION, DEMO_TERMS } from './demo-glossary-terms';

// The demo city and its members, as the demo values know them, its civil-society organisation and the
// indicator its official follows (told in-app when a glossary term it links changes).
export interface DemoGlossaryCity extends DemoValuesCity {
  csoId: string;
  followedIndicatorId: string;
}

// What the cross-city matches need of a seeded glossary.
export interface DemoGlossary {
  city: DemoGlossaryCity;
  terms: Map<string, string>;
  position: number;
}

const ILLUSTRATIVE = [{ title: 'Illustrative demo definition — not adopted by the city' }];
// Matches read the other city's read model, which the worker fills; the seed waits for it that long.
const READ_MODEL_WAIT_MS = 30_000;

const member = (actorId: string, actorRole: string, key: string, organisationId?: string) => ({
  actorId,
  actorRole,
  idempotencyKey: `demo:glossary:${key}`,
  ...(organisationId !== undefined && { organisationId }),
});

// A city's glossary: terms proposed by its members and adopted by the coordinator, one left as a
// proposal, one deprecated for its replacement, and a revision of "participation" under discussion (two
// comments, stances for and against); then published. Every command carries an idempotency key: a second
// start records nothing new.
export async function seedDemoGlossary(commands: CommandBus, city: DemoGlossaryCity): Promise<DemoGlossary> {
  const coordinator = (key: string) => member(city.coordinatorId, 'coordinator', key);
  const proposers = [
    (key: string) => member(city.collectorId, 'collector', key, city.csoId),
    (key: string) => member(city.officialId, 'official', key),
    (key: string) => member(city.researcherId, 'researcher', key),
  ];
  const [local, en] = DEMO_GLOSSARY_LANGUAGES[city.slug];
  const both = ([inLocal, inEnglish]: [string, string]) => ({ [local]: inLocal, [en]: inEnglish });
  const terms = new Map<string, string>();
  const versions = new Map<string, number>();
  let position = 0;

  for (const [i, term] of (DEMO_TERMS[city.slug] ?? []).entries()) {
    const broader = term.broader ? terms.get(term.broader) : undefined;
    const proposed = await commands.execute(
      new ProposeTermCommand(
        city.id,
        {
          prefLabel: both(term.label),
          definition: both(term.definition),
          sources: ILLUSTRATIVE,
          ...(broader && { broader: [broader] }),
          rationale: 'Demo: the first working session',
        },
        proposers[i % proposers.length](`term:${term.key}`),
      ),
    );
    terms.set(term.key, proposed.id);
    ({ position } = proposed);
    if (term.proposedOnly) continue;
    const adopted = await commands.execute(
      new DecideProposalCommand(
        city.id,
        proposed.id,
        'adopt',
        proposed.version,
        { note: 'Demo: agreed in the first working session' },
        coordinator(`adopt:${term.key}`),
      ),
    );
    versions.set(term.key, adopted.version);
    ({ position } = adopted);
  }

  for (const term of DEMO_TERMS[city.slug] ?? []) {
    const replacement = term.replacedBy && terms.get(term.replacedBy);
    if (!replacement) continue;
    ({ position } = await commands.execute(
      new DeprecateTermCommand(
        city.id,
        terms.get(term.key) as string,
        versions.get(term.key) as number,
        { note: 'Demo: merged into the broader term', replacedBy: replacement },
        coordinator(`deprecate:${term.key}`),
      ),
    ));
  }

  position = Math.max(position, await discussRevision(commands, city, terms.get('participation')));
  ({ position } = await commands.execute(
    new SetGlossaryPublicationCommand(city.id, true, coordinator('publication')),
  ));
  ({ position } = await commands.execute(
    new FollowIndicatorCommand(
      city.id,
      city.followedIndicatorId,
      true,
      member(city.officialId, 'official', 'follow'),
    ),
  ));
  return { city, terms, position };
}

// The open revision of "participation": the researcher proposes it, the collector comments and the
// researcher answers, the official supports and the collector objects.
async function discussRevision(
  commands: CommandBus,
  city: DemoGlossaryCity,
  termId: string | undefined,
): Promise<number> {
  const revision = DEMO_REVISION[city.slug];
  if (!termId || !revision) return 0;
  const [local, en] = DEMO_GLOSSARY_LANGUAGES[city.slug];
  const researcher = (key: string) => member(city.researcherId, 'researcher', key);
  const collector = (key: string) => member(city.collectorId, 'collector', key, city.csoId);
  const proposal = await commands.execute(
    new ProposeRevisionCommand(
      city.id,
      termId,
      {
        changes: { definition: { [local]: revision.definition[0], [en]: revision.definition[1] } },
        rationale: revision.rationale,
      },
      researcher('revise:participation'),
    ),
  );
  const target = { kind: 'glossary-term' as const, id: termId };
  const question = await commands.execute(
    new PostCommentCommand(
      city.id,
      { target, body: revision.comments[1] },
      collector('comment:participation'),
    ),
  );
  await commands.execute(
    new PostCommentCommand(
      city.id,
      { target, parentId: question.id, body: revision.comments[0] },
      researcher('reply:participation'),
    ),
  );
  await commands.execute(
    new TakeStanceCommand(
      city.id,
      termId,
      proposal.proposalId,
      'support',
      member(city.officialId, 'official', 'stance:official'),
    ),
  );
  const { position } = await commands.execute(
    new TakeStanceCommand(city.id, termId, proposal.proposalId, 'object', collector('stance:collector')),
  );
  return position;
}

// Ghent's terms matched to Padua's published ones, once Padua's read model shows them adopted.
export async function seedDemoGlossaryMatches(
  commands: CommandBus,
  waiter: ProjectionWaiter,
  [ghent, padua]: DemoGlossary[],
): Promise<void> {
  if (!ghent || !padua) return;
  await waiter.waitFor(padua.city.id, GLOSSARY_TERMS_PROJECTION, padua.position, READ_MODEL_WAIT_MS);
  for (const match of DEMO_MATCHES) {
    const termId = ghent.terms.get(match.ghent);
    const theirs = padua.terms.get(match.padua);
    if (!termId || !theirs) continue;
    await commands.execute(
      new MatchTermCommand(
        ghent.city.id,
        termId,
        { city: padua.city.slug, termId: theirs, kind: match.kind },
        member(ghent.city.coordinatorId, 'coordinator', `match:${match.ghent}`),
      ),
    );
  }
}
