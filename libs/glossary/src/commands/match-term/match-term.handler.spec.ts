import { asCityId } from '@rl/kernel';
import { commandMetadata } from '@rl/web/testing';
import { adopted, content, proposed, termIds } from '../../domain/testing/term-factories';
import { InMemoryGlossaryLedger, InMemoryPublishedGlossaries } from '../../testing/in-memory-glossary';
import { MatchTermCommand } from './match-term.command';
import { MatchTermHandler } from './match-term.handler';

const ghent = asCityId('0192f0aa-0000-7000-8000-0000000000c1');
const padua = '0192f0aa-0000-7000-8000-0000000000c2';
const id = termIds.participation;
const theirs = '0192f0aa-0000-7000-8000-00000000d001';
const published = (status: 'adopted' | 'deprecated') =>
  new InMemoryPublishedGlossaries(
    [
      { id: padua, slug: 'padua', name: 'Padua' },
      { id: ghent, slug: 'ghent', name: 'Ghent' },
    ],
    {
      [padua]: [
        { id: theirs, status, content: content(), replacedBy: null, matches: [], updatedAt: new Date() },
      ],
    },
  );

const setUp = (status: 'adopted' | 'deprecated' = 'adopted') => {
  const ledger = new InMemoryGlossaryLedger().given(ghent, id, [proposed(), adopted()]);
  return { ledger, handler: new MatchTermHandler(ledger, published(status)) };
};
const match = (city: string, termId = theirs) =>
  new MatchTermCommand(ghent, id, { city, termId, kind: 'closeMatch' }, commandMetadata());

describe('MatchTermHandler', () => {
  it("maps the term to another city's published adopted term", async () => {
    const { ledger, handler } = setUp();
    expect(await handler.execute(match('padua'))).toEqual({ version: 3, position: 3 });
    expect(ledger.eventsOf(ghent, id)[2]).toEqual({
      type: 'GlossaryTermMatched',
      data: { termId: id, match: { cityId: padua, termId: theirs, kind: 'closeMatch' } },
    });
  });

  it('refuses an unknown city, an unpublished or deprecated term, and its own city', async () => {
    const unknown = { code: 'GLOSSARY_TERM.MATCH_TARGET_UNKNOWN' };
    await expect(setUp().handler.execute(match('nowhere'))).rejects.toMatchObject(unknown);
    await expect(setUp().handler.execute(match('padua', id))).rejects.toMatchObject(unknown);
    await expect(setUp('deprecated').handler.execute(match('padua'))).rejects.toMatchObject(unknown);
    await expect(setUp().handler.execute(match('ghent', id))).rejects.toMatchObject(unknown);
  });
});
