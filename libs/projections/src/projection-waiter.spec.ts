import { asCityId, DomainError } from '@rl/kernel';
import { Checkpoints } from './checkpoints';
import { ProjectionRegistry } from './projection-registry';
import { ProjectionWaiter } from './projection-waiter';

const CITY = asCityId('0196c1d2-7a3b-7c4d-8e5f-0123456789ab');

// A checkpoint store that stands at `position` of a city whose log ends at `head`, moving on as told.
const waiterAt = (standing: { position: number; head: number }) => {
  const checkpoints: Pick<Checkpoints, 'reached'> = { reached: () => Promise.resolve({ ...standing }) };
  const registry: Pick<ProjectionRegistry, 'handlesOf'> = { handlesOf: () => null };
  return {
    waiter: new ProjectionWaiter(checkpoints, registry),
    standing,
  };
};

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a DomainError');
    },
    (error: unknown) => error as DomainError,
  );

describe('ProjectionWaiter', () => {
  it('returns at once without minPosition or when the projection has reached it', async () => {
    const { waiter } = waiterAt({ position: 5, head: 9 });
    await expect(waiter.waitFor(CITY, 'p', undefined)).resolves.toBeUndefined();
    await expect(waiter.waitFor(CITY, 'p', 5)).resolves.toBeUndefined();
  });

  it("refuses a minPosition beyond the city's head at once: 400 naming minPosition", async () => {
    const { waiter } = waiterAt({ position: 9, head: 9 });
    const started = Date.now();
    const error = await failure(waiter.waitFor(CITY, 'p', 10, 3_000));
    expect(Date.now() - started).toBeLessThan(500);
    expect(error).toMatchObject({ kind: 'bad_request', code: 'PROJECTION.POSITION_AHEAD' });
    expect(error.errors).toEqual([{ field: 'minPosition', message: expect.stringContaining('9') }]);
  });

  it('asks the checkpoints how far the projection has the log, given the event types it handles', async () => {
    const reached = jest.fn(() => Promise.resolve({ position: 8, head: 9 }));
    const registry = { handlesOf: (name: string) => (name === 'p' ? ['OrganisationRegistered'] : null) };
    const waiter = new ProjectionWaiter({ reached }, registry);
    await expect(waiter.waitFor(CITY, 'p', 8)).resolves.toBeUndefined();
    expect(reached).toHaveBeenCalledWith(CITY, 'p', ['OrganisationRegistered'], 8);
  });

  it('waits for a reachable position and returns when the projection gets there', async () => {
    const { waiter, standing } = waiterAt({ position: 3, head: 9 });
    setTimeout(() => (standing.position = 9), 60);
    await expect(waiter.waitFor(CITY, 'p', 8, 3_000)).resolves.toBeUndefined();
  });

  it('answers 503 PROJECTION.BEHIND with Retry-After when a reachable position is not reached in time', async () => {
    const { waiter } = waiterAt({ position: 3, head: 9 });
    const error = await failure(waiter.waitFor(CITY, 'p', 8, 100));
    expect(error).toMatchObject({ kind: 'unavailable', code: 'PROJECTION.BEHIND' });
    expect(error.details).toMatchObject({ retryAfterSeconds: 1, position: 3 });
  });
});
