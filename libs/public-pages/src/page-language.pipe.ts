import { PipeTransform } from '@nestjs/common';
import { DomainError } from '@rl/kernel';
import { PAGE_LANGUAGES, PageLanguage } from './render/messages';

// `?lang=` read on its own rather than through a query DTO: links to public pages carry parameters of
// their own (utm_source, fbclid…) that must not turn a citizen's click into a 400.
export const pageLanguage: PipeTransform<unknown, PageLanguage | undefined> = {
  transform(value: unknown) {
    if (value === undefined) return undefined;
    if (typeof value === 'string' && (PAGE_LANGUAGES as readonly string[]).includes(value)) {
      return value as PageLanguage;
    }
    throw new DomainError(
      'bad_request',
      'REQUEST.INVALID',
      `lang must be one of ${PAGE_LANGUAGES.join(', ')}`,
      [{ field: 'lang', message: `must be one of ${PAGE_LANGUAGES.join(', ')}` }],
    );
  },
};

export const PAGE_LANGUAGE_QUERY = {
  name: 'lang',
  required: false,
  enum: PAGE_LANGUAGES,
  description: "The page's language instead of the city's default locale",
};
