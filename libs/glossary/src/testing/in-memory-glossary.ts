import { AppendResult, EventMetadata } from '@rl/event-store';
import { InMemoryAggregates } from '@rl/event-store/testing';
import { CityId } from '@rl/kernel';
import { glossaryTermDecider } from '../domain/glossary-term.decider';
import { GlossaryTermEvent, glossaryTermStream } from '../domain/glossary-term.events';
import {
  glossaryPublicationDecider,
  glossaryPublicationStream,
} from '../domain/glossary-publication.decider';
import { factsOf, GlossaryFacts, TermFacts } from '../domain/term-content';
import { withFacts } from '../domain/glossary-term.state';
import { GlossaryLedger, TermWrite } from '../persistence/glossary-ledger';
import { CityRef, PublishedGlossaries, PublishedTerm } from '../persistence/published-glossaries.repository';

// The glossary's write side in memory: the facts come from folding every term stream of the city.
export class InMemoryGlossaryLedger implements GlossaryLedger {
  private readonly terms = new Map<CityId, Set<string>>();

  constructor(readonly aggregates = new InMemoryAggregates()) {}

  // Seeds a term's stream with past events (as if recorded earlier).
  given(cityId: CityId, termId: string, events: readonly GlossaryTermEvent[]): this {
    if (events.length === 0) return this;
    this.aggregates.given(cityId, glossaryTermStream(termId), events);
    this.remember(cityId, termId);
    return this;
  }

  eventsOf(cityId: CityId, termId: string) {
    return this.aggregates.eventsOf(cityId, glossaryTermStream(termId));
  }

  async execute(
    cityId: CityId,
    termId: string,
    { command, expected, metadata }: TermWrite,
  ): Promise<AppendResult> {
    const facts = await this.facts(cityId);
    const result = await this.aggregates.handle(
      cityId,
      glossaryTermDecider,
      glossaryTermStream(termId),
      withFacts(command, facts),
      {
        expected,
        metadata,
      },
    );
    this.remember(cityId, termId);
    return result;
  }

  private remember(cityId: CityId, termId: string): void {
    this.terms.set(cityId, new Set([...(this.terms.get(cityId) ?? []), termId]));
  }

  setPublication(cityId: CityId, isPublic: boolean, metadata: EventMetadata): Promise<AppendResult> {
    const command = { type: 'SetGlossaryPublication' as const, public: isPublic };
    const stream = glossaryPublicationStream(cityId);
    return this.aggregates.handle(cityId, glossaryPublicationDecider, stream, command, { metadata });
  }

  private async facts(cityId: CityId): Promise<GlossaryFacts> {
    const facts = new Map<string, TermFacts>();
    for (const termId of this.terms.get(cityId) ?? []) {
      const { state } = await this.aggregates.load(cityId, glossaryTermDecider, glossaryTermStream(termId));
      if (state.exists) facts.set(termId, factsOf(state));
    }
    return facts;
  }
}

// Published glossaries in memory: cities by slug, and the terms each city has published.
export class InMemoryPublishedGlossaries implements PublishedGlossaries {
  constructor(
    private readonly cities: CityRef[] = [],
    private readonly published: Record<string, PublishedTerm[]> = {},
  ) {}

  city(slug: string): Promise<CityRef | null> {
    return Promise.resolve(this.cities.find((c) => c.slug === slug) ?? null);
  }

  slugs(ids: readonly string[]): Promise<Map<string, string>> {
    return Promise.resolve(new Map(this.cities.filter((c) => ids.includes(c.id)).map((c) => [c.id, c.slug])));
  }

  terms(cityId: string): Promise<PublishedTerm[]> {
    return Promise.resolve(this.published[cityId] ?? []);
  }

  isAdoptedAndPublished(cityId: string, termId: string): Promise<boolean> {
    return Promise.resolve(
      (this.published[cityId] ?? []).some((t) => t.id === termId && t.status === 'adopted'),
    );
  }

  isPublic(cityId: string): Promise<boolean> {
    return Promise.resolve(cityId in this.published);
  }
}
