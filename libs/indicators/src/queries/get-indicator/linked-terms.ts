import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { GetTermQuery } from '@rl/glossary';
import { CityId, DomainError } from '@rl/kernel';
import { LinkedTermView } from '../../indicator.view';
import { CityLocales } from '../../persistence/city-locales.repository';

// The reader's language if the definition has it, else the first one it has.
const languageOf = (definition: Record<string, string>, lang: string) =>
  definition[lang] !== undefined ? lang : (Object.keys(definition)[0] ?? lang);

// The glossary terms an indicator links, read from the glossary (as of the same instant when the
// indicator is read as of one); a link to a term the city does not have shows nothing.
@Injectable()
export class LinkedTerms {
  constructor(
    private readonly queries: QueryBus,
    private readonly locales: CityLocales,
  ) {}

  async of(
    cityId: CityId,
    termIds: string[],
    options: { lang?: string; asOf?: Date },
  ): Promise<LinkedTermView[]> {
    if (termIds.length === 0) return [];
    const lang = options.lang ?? (await this.locales.defaultLocale(cityId));
    const views: LinkedTermView[] = [];
    for (const id of termIds) {
      const term = await this.queries
        .execute(new GetTermQuery(cityId, id, { asOf: options.asOf }))
        .catch((error: unknown) => {
          if (error instanceof DomainError && error.kind === 'not_found') return null;
          throw error;
        });
      if (!term) continue;
      const shown = languageOf(term.definition, lang);
      views.push({
        id,
        status: term.status,
        lang: shown,
        prefLabel: term.prefLabel[shown] ?? term.prefLabel[lang] ?? Object.values(term.prefLabel)[0] ?? '',
        definition: term.definition[shown] ?? '',
      });
    }
    return views;
  }
}
