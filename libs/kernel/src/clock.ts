// Where "now" comes from, so that domain and projection code can be tested at any instant.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

// Always the given instant (tests, replays that must be reproducible).
export const fixedClock = (instant: Date | string): Clock => {
  const at = new Date(instant);
  return { now: () => new Date(at) };
};

// The Nest injection token for the Clock port; providers default it to the system clock.
export const CLOCK = Symbol('Clock');
