import { EventStore } from '@rl/event-store';
import { CityId } from '@rl/kernel';

// Fills a city's log with `count` small events of a type no projection handles, `batch` per append (one
// stream each, named after `prefix`): the load of a chain verification without work for the projections.
// Returns the city's head.
export async function seedChain(
  store: EventStore,
  cityId: CityId,
  count: number,
  { batch = 2_000, prefix = 'fairness-probe' } = {},
): Promise<number> {
  let head = 0;
  for (let done = 0; done < count; done += batch) {
    const events = Array.from({ length: Math.min(batch, count - done) }, (_, i) => ({
      type: 'FairnessProbeRecorded',
      data: { i, note: 'A line of the kind a submission note holds, to give the event a realistic size.' },
    }));
    const result = await store.append(cityId, `${prefix}-${done}`, 0, events, { actorId: 'chain-seed' });
    head = result.position;
  }
  return head;
}
