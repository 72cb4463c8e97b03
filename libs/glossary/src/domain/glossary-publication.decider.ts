import { Decider } from '@rl/kernel';

// Whether the city publishes its glossary (its adopted and deprecated terms) to everyone.
export type GlossaryPublicationEvent = { type: 'GlossaryPublicationChanged'; data: { public: boolean } };
export type GlossaryPublicationCommand = { type: 'SetGlossaryPublication'; public: boolean };
// Null until first set: a glossary is not published until its coordinator says so.
export type GlossaryPublicationState = { public: boolean | null };

export const glossaryPublicationStream = (cityId: string) => `glossary-publication-${cityId}`;

export const glossaryPublicationDecider: Decider<
  GlossaryPublicationState,
  GlossaryPublicationCommand,
  GlossaryPublicationEvent
> = {
  initialState: () => ({ public: null }),
  decide: (command, state) =>
    state.public === command.public
      ? []
      : [{ type: 'GlossaryPublicationChanged', data: { public: command.public } }],
  evolve: (_, event) => ({ public: event.data.public }),
  eventTypes: ['GlossaryPublicationChanged'],
};
