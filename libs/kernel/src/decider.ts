// An event as a context declares it: a `type` literal and its data.
export interface DomainEvent<T extends string = string, D = unknown> {
  type: T;
  data: D;
}

// An aggregate written as a decider (after emmett's `Decider`): `decide` turns a command and the current
// state into new events (or throws a DomainError), `evolve` folds one event into the state. Both are pure;
// the clock and ids come in with the command. `eventTypes` lists the events `evolve` understands, so that
// a stream read from the store can be narrowed to them without a cast.
export interface Decider<State, Command, Event extends DomainEvent> {
  readonly initialState: () => State;
  readonly decide: (command: Command, state: State) => Event[];
  readonly evolve: (state: State, event: Event) => State;
  readonly eventTypes: readonly Event['type'][];
}

// True when `event` is one of the listed types; a type guard, so callers need no cast. Name the event
// union, as TypeScript cannot infer it from the list: `isEventOf<OrganisationEvent>(TYPES, event)`.
export function isEventOf<E extends DomainEvent>(
  eventTypes: readonly E['type'][],
  event: DomainEvent,
): event is E {
  return (eventTypes as readonly string[]).includes(event.type);
}

// The state a decider reaches from `events` (others in the stream, if any, are skipped).
export function foldEvents<S, C, E extends DomainEvent>(
  decider: Decider<S, C, E>,
  events: readonly DomainEvent[],
  from: S = decider.initialState(),
): S {
  let state = from;
  for (const event of events)
    if (isEventOf<E>(decider.eventTypes, event)) state = decider.evolve(state, event);
  return state;
}
