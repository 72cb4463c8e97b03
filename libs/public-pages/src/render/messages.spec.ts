import { MESSAGES, PAGE_LANGUAGES, pageLocale, pickLanguage } from './messages';

describe('page locale', () => {
  it("writes in the city's language with its locale, unless another supported language is asked", () => {
    expect(pageLocale('nl-BE')).toEqual({ language: 'nl', locale: 'nl-BE' });
    expect(pageLocale('it')).toEqual({ language: 'it', locale: 'it' });
    expect(pageLocale('nl-BE', 'en')).toEqual({ language: 'en', locale: 'en' });
    expect(pageLocale('fr-BE')).toEqual({ language: 'en', locale: 'en' });
  });

  it('picks the text in the page language, else another one tagged with its language', () => {
    expect(pickLanguage({ en: 'Evictions', nl: 'Uitzettingen' }, 'nl')).toEqual({
      text: 'Uitzettingen',
      lang: 'nl',
    });
    expect(pickLanguage({ en: 'Evictions' }, 'it')).toEqual({ text: 'Evictions', lang: 'en' });
    expect(pickLanguage({}, 'it')).toBeNull();
    expect(pickLanguage(null, 'it')).toBeNull();
  });

  it('has every word in every language', () => {
    const keys = (language: (typeof PAGE_LANGUAGES)[number]) => Object.keys(MESSAGES[language]).sort();
    for (const language of PAGE_LANGUAGES) expect(keys(language)).toEqual(keys('en'));
  });
});
