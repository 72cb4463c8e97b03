import { asCityId } from '@rl/kernel';
import { commandMetadata } from '@rl/web/testing';
import { adopted, content, proposed, termIds } from '../../domain/testing/term-factories';
import { InMemoryGlossaryLedger } from '../../testing/in-memory-glossary';
import { DeprecateTermCommand } from './deprecate-term.command';
import { DeprecateTermHandler } from './deprecate-term.handler';

const ghent = asCityId('0192f0aa-0000-7000-8000-0000000000c1');
const { participation: id, monitoring } = termIds;
const other = content({ prefLabel: { en: 'Public participation' } });

const setUp = (replacementAdopted: boolean) => {
  const ledger = new InMemoryGlossaryLedger()
    .given(ghent, id, [proposed(), adopted()])
    .given(ghent, monitoring, [
      proposed(monitoring, other),
      ...(replacementAdopted ? [adopted(monitoring, other)] : []),
    ]);
  return { ledger, handler: new DeprecateTermHandler(ledger) };
};
const deprecate = (version: number) =>
  new DeprecateTermCommand(ghent, id, version, { note: 'Merged', replacedBy: monitoring }, commandMetadata());

describe('DeprecateTermHandler', () => {
  it('deprecates with the adopted term that replaces it', async () => {
    const { ledger, handler } = setUp(true);
    expect(await handler.execute(deprecate(2))).toEqual({ version: 3, position: 5 });
    expect(ledger.eventsOf(ghent, id)[2]).toEqual({
      type: 'GlossaryTermDeprecated',
      data: { termId: id, note: 'Merged', replacedBy: monitoring },
    });
  });

  it('refuses a replacement that is not adopted yet, and a stale If-Match', async () => {
    await expect(setUp(false).handler.execute(deprecate(2))).rejects.toMatchObject({
      code: 'GLOSSARY_TERM.INVALID_REPLACEMENT',
    });
    await expect(setUp(true).handler.execute(deprecate(1))).rejects.toMatchObject({
      code: 'GLOSSARY_TERM.VERSION_CONFLICT',
    });
  });
});
