import { RecordedEvent } from './event.types';

// An aggregate rebuilt from its stream, with its last event's version and position (0 when it has none).
export interface Loaded<S> {
  state: S;
  version: number;
  position: number;
}

export function foldStream<S, E>(
  events: RecordedEvent[],
  evolve: (state: S, event: E) => S,
  initial: S,
): Loaded<S> {
  const last = events[events.length - 1];
  return {
    // Recorded events carry type, data and metadata: what a context's evolve reads.
    state: events.reduce((state, e) => evolve(state, e as unknown as E), initial),
    version: last?.version ?? 0,
    position: last?.position ?? 0,
  };
}
