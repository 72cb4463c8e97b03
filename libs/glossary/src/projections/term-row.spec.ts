import { asCityId } from '@rl/kernel';
import { RecordedEvent } from '@rl/event-store';
import { GlossaryTermEvent } from '../domain/glossary-term.events';
import { adopted, proposalIds, proposed, termIds } from '../domain/testing/term-factories';
import { eraseFromRow, foldTermRow } from './term-row';

const id = termIds.participation;
let version = 0;
const recorded = (
  event: GlossaryTermEvent,
  actorId: string,
  at: string,
): RecordedEvent<GlossaryTermEvent> => ({
  ...event,
  cityId: asCityId('0192f0aa-0000-7000-8000-0000000000c1'),
  streamId: `glossary-term-${id}`,
  version: ++version,
  position: version,
  eventId: `e${version}`,
  schemaVersion: 1,
  metadata: { actorId, actorRole: actorId },
  recordedAt: new Date(at),
  prevHash: '',
  hash: '',
});

describe('glossary term row', () => {
  beforeEach(() => (version = 0));

  it('keeps who proposed and who decided each proposal, and when', () => {
    const row = foldTermRow([
      recorded(proposed(), 'collector', '2026-03-01T10:00:00Z'),
      recorded(
        {
          type: 'GlossaryRevisionProposed',
          data: {
            termId: id,
            proposalId: proposalIds.second,
            changes: { scopeNote: { en: 'x' } },
            rationale: 'r',
          },
        },
        'researcher',
        '2026-03-02T10:00:00Z',
      ),
      recorded(adopted(), 'coordinator', '2026-03-03T10:00:00Z'),
    ]);
    expect(row).toMatchObject({
      id,
      status: 'adopted',
      revision: 1,
      version: 3,
      createdAt: new Date('2026-03-01T10:00:00Z'),
      updatedAt: new Date('2026-03-03T10:00:00Z'),
    });
    expect(row?.proposals).toMatchObject([
      {
        id: proposalIds.first,
        status: 'adopted',
        proposedBy: { id: 'collector', role: 'collector' },
        proposedAt: '2026-03-01T10:00:00.000Z',
        decidedBy: { id: 'coordinator', role: 'coordinator' },
        decidedAt: '2026-03-03T10:00:00.000Z',
      },
      {
        id: proposalIds.second,
        status: 'open',
        proposedBy: { id: 'researcher' },
        decidedBy: null,
        decidedAt: null,
      },
    ]);
  });

  it("blanks an erased person's rationales and decision notes, not the system's reasons", () => {
    const row = foldTermRow([
      recorded(proposed(), 'collector', '2026-03-01T10:00:00Z'),
      recorded(adopted(), 'coordinator', '2026-03-03T10:00:00Z'),
    ]);
    const erased = (subject: string) => eraseFromRow(row!, subject).proposals[0];
    expect(erased('collector')).toMatchObject({
      rationale: '[erased]',
      note: 'Agreed in the working session',
    });
    expect(erased('coordinator')).toMatchObject({ rationale: 'We use it everywhere', note: '[erased]' });
  });

  it('is nothing before its first event', () => {
    expect(foldTermRow([])).toBeUndefined();
  });
});
