import { Inject, Injectable } from '@nestjs/common';
import { CityId, DomainError } from '@rl/kernel';
import { Checkpoints } from './checkpoints';
import { ProjectionRegistry } from './projection-registry';

const POLL_MS = 20;
export const READ_YOUR_WRITES_TIMEOUT_MS = 3_000;

// Read-your-writes: a read with `minPosition` waits, bounded, until the projection has applied the
// city's log up to that position — or until none of the events it handles lies between its checkpoint and
// that position (wake-ups reach only the projections an append concerns); past the bound 503 + Retry-After.
@Injectable()
export class ProjectionWaiter {
  // Only what the waiter uses, so a unit test hands in small fakes.
  constructor(
    @Inject(Checkpoints) private readonly checkpoints: Pick<Checkpoints, 'reached'>,
    @Inject(ProjectionRegistry) private readonly registry: Pick<ProjectionRegistry, 'handlesOf'>,
  ) {}

  async waitFor(
    cityId: CityId,
    projection: string,
    minPosition: number | undefined,
    timeoutMs = READ_YOUR_WRITES_TIMEOUT_MS,
  ): Promise<void> {
    if (minPosition === undefined) return;
    const deadline = Date.now() + timeoutMs;
    const handles = this.registry.handlesOf(projection);
    const reached = () => this.checkpoints.reached(cityId, projection, handles, minPosition);
    const first = await reached();
    if (first.position >= minPosition) return;
    // A position the city has not reached yet can never be read: say so at once instead of waiting.
    if (minPosition > first.head) {
      throw new DomainError(
        'bad_request',
        'PROJECTION.POSITION_AHEAD',
        `minPosition ${minPosition} is beyond the city's last event position ${first.head}`,
        [{ field: 'minPosition', message: `must be at most ${first.head}, the city's last event position` }],
        { headPosition: first.head },
      );
    }
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      const { position } = await reached();
      if (position >= minPosition) return;
      if (Date.now() >= deadline) {
        throw new DomainError(
          'unavailable',
          'PROJECTION.BEHIND',
          `The ${projection} read model has reached position ${position}, not yet ${minPosition}; retry shortly`,
          [{ field: 'minPosition', message: `not reached within ${timeoutMs} ms` }],
          { retryAfterSeconds: 1, position },
        );
      }
    }
  }
}
