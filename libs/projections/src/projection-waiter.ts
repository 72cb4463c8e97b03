import { Injectable } from '@nestjs/common';
import { CityId, DomainError } from '@rl/kernel';
import { Checkpoints } from './checkpoints';

const POLL_MS = 20;
export const READ_YOUR_WRITES_TIMEOUT_MS = 3_000;

// Read-your-writes: a read with `minPosition` waits, bounded, until the projection has applied the
// city's log up to that position; past the bound it answers 503 with Retry-After.
@Injectable()
export class ProjectionWaiter {
  constructor(private readonly checkpoints: Checkpoints) {}

  async waitFor(
    cityId: CityId,
    projection: string,
    minPosition: number | undefined,
    timeoutMs = READ_YOUR_WRITES_TIMEOUT_MS,
  ): Promise<void> {
    if (minPosition === undefined) return;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const position = await this.checkpoints.position(cityId, projection);
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
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
}
