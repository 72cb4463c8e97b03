import { Checkpoint } from '@rl/kernel';
import { ChainStanding, checkpointDue } from './checkpoint-schedule';

const policy = { everyEvents: 100, everyMinutes: 60 };
const now = new Date('2026-03-01T12:00:00.000Z');
const last: Checkpoint = {
  cityId: 'c',
  position: 10,
  headHash: 'h',
  signedAt: '2026-03-01T11:30:00.000Z',
  keyId: 'k',
  signature: 's',
};
const standing = (
  lastPosition: number,
  checkpoint = last,
  first = '2026-03-01T08:00:00.000Z',
): ChainStanding => ({
  head: { lastPosition, lastHash: 'x' },
  last: checkpoint,
  firstEventAt: () => Promise.resolve(new Date(first)),
});

describe('checkpoint schedule', () => {
  it('is not due while the head stands still', async () => {
    expect(await checkpointDue(standing(10), policy, new Date('2027-01-01'))).toBe(false);
  });

  it('is due once the head moved the configured number of events', async () => {
    expect(await checkpointDue(standing(109), policy, now)).toBe(false);
    expect(await checkpointDue(standing(110), policy, now)).toBe(true);
  });

  it('is due when the head moved at all and the interval passed since the last checkpoint', async () => {
    expect(await checkpointDue(standing(11), policy, new Date('2026-03-01T12:29:59.999Z'))).toBe(false);
    expect(await checkpointDue(standing(11), policy, new Date('2026-03-01T12:30:00.000Z'))).toBe(true);
  });

  it("counts the interval from the city's first event before the first checkpoint", async () => {
    const none = { ...standing(3), last: undefined };
    expect(await checkpointDue(none, policy, new Date('2026-03-01T08:59:00.000Z'))).toBe(false);
    expect(await checkpointDue(none, policy, new Date('2026-03-01T09:00:00.000Z'))).toBe(true);
  });
});
