import { renderNotice } from './render-notice';
import { notice, recipient, THREE_DAYS_BEFORE } from './testing/notice-factories';

// A changed glossary term, as the followers of an indicator linking it read it.
const changed = (overrides = {}) =>
  notice({ periodCode: undefined, termLabel: 'Participation', termDeprecated: false, ...overrides });

describe('renderNotice: term.changed', () => {
  it('names the term and the indicator linking it, in English', () => {
    const message = renderNotice('term.changed', changed(), recipient(), THREE_DAYS_BEFORE);
    expect(message.subject).toBe('[Ghent] Glossary term changed: "Participation" (EDU-01)');
    expect(message.text).toContain(
      'The glossary term "Participation", linked to EDU-01 – Access to education, has a newly adopted definition.',
    );
  });

  it('says when the term was deprecated, in Dutch and Italian', () => {
    const deprecated = changed({ termDeprecated: true, termLabel: 'Inspraak' });
    expect(
      renderNotice('term.changed', deprecated, recipient({ locale: 'nl' }), THREE_DAYS_BEFORE).subject,
    ).toBe('[Ghent] Begrip uit de woordenlijst vervallen: "Inspraak" (EDU-01)');
    expect(
      renderNotice(
        'term.changed',
        changed({ termLabel: undefined }),
        recipient({ locale: 'it' }),
        THREE_DAYS_BEFORE,
      ).text,
    ).toContain(
      'Un termine del glossario, collegato a EDU-01 – Access to education, ha una nuova definizione adottata.',
    );
  });
});
