import { Aggregates } from '@rl/event-store';
import { CityId } from '@rl/kernel';
import { glossaryTermDecider } from '../domain/glossary-term.decider';
import { glossaryTermStream } from '../domain/glossary-term.events';

// The proposal a write made: the term's last one at the version it answered with (a retry under the same
// Idempotency-Key answers with the first write's version, so with the first proposal too).
export async function lastProposalAt(
  aggregates: Aggregates,
  cityId: CityId,
  termId: string,
  version: number,
): Promise<string> {
  const { state } = await aggregates.load(cityId, glossaryTermDecider, glossaryTermStream(termId), {
    version,
  });
  return state.exists ? state.proposals[state.proposals.length - 1].id : '';
}
