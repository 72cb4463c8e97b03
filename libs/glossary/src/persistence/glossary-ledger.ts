import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  aggregate,
  AppendResult,
  decideAgainst,
  EventMetadata,
  EventStore,
  EventTransaction,
  ExpectedVersion,
} from '@rl/event-store';
import { CityId, Decider, DomainEvent, foldEvents } from '@rl/kernel';
import { glossaryTermDecider } from '../domain/glossary-term.decider';
import { TermIntent, TermState, withFacts } from '../domain/glossary-term.state';
import { glossaryTermStream, LangMap, TermStatus } from '../domain/glossary-term.events';
import {
  glossaryPublicationDecider,
  glossaryPublicationStream,
} from '../domain/glossary-publication.decider';
import { factsOf, GlossaryFacts, prefLabelKeys } from '../domain/term-content';
import { factsWanted, FactsWanted } from '../domain/facts-wanted';

export interface TermWrite {
  // The command; the facts it is decided on are read under the city's glossary lock.
  command: TermIntent;
  expected?: ExpectedVersion;
  metadata: EventMetadata;
}

// The write side of the glossary: every command on a term runs against facts about the city's other
// terms (labels, broader links) that stay true until it commits.
export abstract class GlossaryLedger {
  abstract execute(cityId: CityId, termId: string, write: TermWrite): Promise<AppendResult>;
  abstract setPublication(cityId: CityId, isPublic: boolean, metadata: EventMetadata): Promise<AppendResult>;
}

// Links name ids as given; one that is no UUID is no term (the decider says so) and must not reach a cast.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface KeyRow {
  term_id: string;
  status: TermStatus;
  pref_label: LangMap;
  broader: string[];
}

@Injectable()
export class PgGlossaryLedger implements GlossaryLedger {
  constructor(private readonly events: EventStore) {}

  // Glossary commands of a city run one at a time (a transaction advisory lock): of two concurrent
  // proposals with one label, or two adoptions closing a cycle together, the second decides on the
  // first's keys.
  execute(cityId: CityId, termId: string, { command, expected, metadata }: TermWrite): Promise<AppendResult> {
    return this.inTransaction(cityId, metadata, async (tx) => {
      await tx.em.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`glossary:${cityId}`]);
      const decide = async (state: TermState) =>
        withFacts(command, await this.facts(tx.em, cityId, factsWanted(command, state)));
      return this.decideAndAppend(tx, glossaryTermDecider, glossaryTermStream(termId), decide, {
        expected,
        metadata,
        write: async (state) => {
          if (!state.exists) return;
          const keys = factsOf(state);
          await tx.em.query(
            `INSERT INTO glossary_term_keys (tenant_id, term_id, status, pref_label, broader, label_keys)
             VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (tenant_id, term_id) DO UPDATE
               SET status = EXCLUDED.status, pref_label = EXCLUDED.pref_label, broader = EXCLUDED.broader,
                   label_keys = EXCLUDED.label_keys`,
            [
              cityId,
              termId,
              keys.status,
              JSON.stringify(keys.prefLabel),
              JSON.stringify(keys.broader),
              prefLabelKeys(keys.prefLabel),
            ],
          );
        },
      });
    });
  }

  // The flag the public reader roles' policies check is written with its event, so a withdrawal holds
  // from its commit on.
  setPublication(cityId: CityId, isPublic: boolean, metadata: EventMetadata): Promise<AppendResult> {
    const command = { type: 'SetGlossaryPublication' as const, public: isPublic };
    return this.inTransaction(cityId, metadata, (tx) =>
      this.decideAndAppend(tx, glossaryPublicationDecider, glossaryPublicationStream(cityId), () => command, {
        metadata,
        write: async () => {
          await tx.em.query(
            `INSERT INTO glossary_publication (tenant_id, public) VALUES ($1, $2)
             ON CONFLICT (tenant_id) DO UPDATE SET public = EXCLUDED.public`,
            [cityId, isPublic],
          );
        },
      }),
    );
  }

  private inTransaction(
    cityId: CityId,
    metadata: EventMetadata,
    work: (tx: EventTransaction) => Promise<AppendResult>,
  ): Promise<AppendResult> {
    return this.events.idempotent(cityId, metadata, () => this.events.transact(cityId, work));
  }

  // Decides, writes the write-side keys of the state reached, then appends: the append takes the city's
  // head lock, so it comes last.
  private async decideAndAppend<S, C, E extends DomainEvent>(
    tx: EventTransaction,
    decider: Decider<S, C, E>,
    stream: string,
    command: (state: S) => C | Promise<C>,
    options: { expected?: ExpectedVersion; metadata: EventMetadata; write: (state: S) => Promise<void> },
  ): Promise<AppendResult> {
    const current = aggregate(decider, await this.events.readStream(tx.cityId, stream, {}, tx.em));
    const decided = decideAgainst(decider, stream, await command(current.state), current, options.expected);
    if (decided.length === 0)
      return { streamId: stream, version: current.version, position: current.position };
    await options.write(foldEvents(decider, decided, current.state));
    return tx.append(stream, options.expected ?? current.version, decided, options.metadata);
  }

  // The terms holding one of the wanted labels (the GIN index on label_keys), and the wanted ids with
  // every term above them on the adopted broader links (for the cycle check).
  private async facts(em: EntityManager, cityId: CityId, wanted: FactsWanted): Promise<GlossaryFacts> {
    if (wanted.labelKeys.length === 0 && wanted.ids.length === 0) return new Map();
    const rows = await em.query<KeyRow[]>(
      `WITH RECURSIVE above(term_id) AS (
         SELECT id FROM unnest($2::uuid[]) AS id
         UNION
         SELECT b.id::uuid FROM above
           JOIN glossary_term_keys k ON k.tenant_id = $1 AND k.term_id = above.term_id
           CROSS JOIN LATERAL jsonb_array_elements_text(k.broader) AS b(id))
       SELECT term_id, status, pref_label, broader FROM glossary_term_keys
        WHERE tenant_id = $1 AND term_id IN (SELECT term_id FROM above)
       UNION
       SELECT term_id, status, pref_label, broader FROM glossary_term_keys
        WHERE tenant_id = $1 AND label_keys && $3::text[]`,
      [cityId, wanted.ids.filter((id) => UUID.test(id)), wanted.labelKeys],
    );
    return new Map(
      rows.map((r) => [r.term_id, { status: r.status, prefLabel: r.pref_label, broader: r.broader }]),
    );
  }
}
