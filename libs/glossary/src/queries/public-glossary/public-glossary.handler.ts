import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AppConfig } from '@rl/config';
import { CityErrors } from '@rl/tenancy';
import { PublishedGlossaries } from '../../persistence/published-glossaries.repository';
import { skosScheme, SkosScheme } from '../../public/skos-scheme';
import { PublicGlossaryQuery } from './public-glossary.query';

// A city's published glossary, read as the public reader role (adopted and deprecated terms of a public
// glossary only), with URIs under PUBLIC_URL.
@QueryHandler(PublicGlossaryQuery)
export class PublicGlossaryHandler implements IQueryHandler<PublicGlossaryQuery, SkosScheme> {
  constructor(
    private readonly published: PublishedGlossaries,
    private readonly config: AppConfig,
  ) {}

  async execute({ citySlug }: PublicGlossaryQuery): Promise<SkosScheme> {
    const city = await this.published.city(citySlug);
    if (!city) throw CityErrors.NOT_FOUND();
    const terms = await this.published.terms(city.id);
    const slugs = await this.published.slugs([
      ...new Set(terms.flatMap((t) => t.matches.map((m) => m.cityId))),
    ]);
    return skosScheme(this.config.publicUrl, city, terms, slugs);
  }
}
