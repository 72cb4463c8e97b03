import { Decider, DomainEvent, foldEvents } from '../decider';
import { DomainError } from '../domain-error';

// Given past events, when a command, then new events or an error code (after emmett's
// DeciderSpecification). Runs the decider alone: no database, no clock.
export const DeciderSpecification = {
  for<S, C, E extends DomainEvent>(decider: Decider<S, C, E>) {
    return {
      given(events: readonly E[] = []) {
        // A given event the decider does not list would be skipped when folding the stream: say so.
        const unlisted = events.filter((e) => !(decider.eventTypes as readonly string[]).includes(e.type));
        if (unlisted.length > 0)
          throw new Error(`Not in the decider's eventTypes: ${unlisted.map((e) => e.type).join(', ')}`);
        const state = foldEvents(decider, events);
        return {
          when(command: C) {
            const decide = () => decider.decide(command, state);
            return {
              then(expected: readonly E[]): void {
                expect(decide()).toEqual(expected);
              },
              thenNothingHappens(): void {
                expect(decide()).toEqual([]);
              },
              thenThrows(code: string, check?: (error: DomainError) => void): void {
                let thrown: unknown;
                try {
                  decide();
                } catch (error) {
                  thrown = error;
                }
                expect(thrown).toBeInstanceOf(DomainError);
                expect((thrown as DomainError).code).toBe(code);
                check?.(thrown as DomainError);
              },
            };
          },
          // The state the given events fold into, for evolve tests.
          state: (): S => state,
        };
      },
    };
  },
};
