import { Injectable } from '@nestjs/common';
import { CityId } from '@rl/kernel';
import { ProjectionWaiter } from '@rl/projections';
import { GlossaryTermsReadModel } from '../persistence/glossary-terms.repository';
import { PublishedGlossaries } from '../persistence/published-glossaries.repository';
import { GLOSSARY_TERMS_PROJECTION } from '../projections/glossary-terms.projection';
import { foldTermRow, TermRow } from '../projections/term-row';
import { TermView } from '../term.view';
import { narrowerIndex, toTermView } from './term-views';

// The city's terms as members read them: now (the read model, after minPosition) or as they were at an
// instant (each term's events up to then; the read model only tells which terms existed).
@Injectable()
export class TermsReader {
  constructor(
    private readonly terms: GlossaryTermsReadModel,
    private readonly published: PublishedGlossaries,
    private readonly waiter: ProjectionWaiter,
  ) {}

  async rows(cityId: CityId, options: { asOf?: Date; minPosition?: number }): Promise<TermRow[]> {
    await this.waiter.waitFor(cityId, GLOSSARY_TERMS_PROJECTION, options.minPosition);
    const now = await this.terms.all(cityId);
    const { asOf } = options;
    if (!asOf) return now;
    const then = await Promise.all(
      now
        .filter((row) => row.createdAt <= asOf)
        .map(async (row) => foldTermRow(await this.terms.stream(cityId, row.id, asOf))),
    );
    return then.filter((row): row is TermRow => row !== undefined);
  }

  // Views of `shown` among `all`: narrower links and match cities come from the whole set.
  async views(all: readonly TermRow[], shown: readonly TermRow[]): Promise<TermView[]> {
    const narrower = narrowerIndex(all);
    const slugs = await this.published.slugs([
      ...new Set(shown.flatMap((r) => r.matches.map((m) => m.cityId))),
    ]);
    return shown.map((row) => toTermView(row, narrower.get(row.id) ?? [], slugs));
  }
}
