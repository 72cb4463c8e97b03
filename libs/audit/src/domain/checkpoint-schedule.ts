import { Checkpoint } from '@rl/kernel';
import { ChainHead } from './hash-chain';

export interface CheckpointPolicy {
  everyEvents: number;
  everyMinutes: number;
}

// Where a city's chain and its checkpoints stand; the first event's time is read only when needed.
export interface ChainStanding {
  head: ChainHead;
  last: Checkpoint | undefined;
  firstEventAt: () => Promise<Date>;
}

// The worker's rule: once the head moved `everyEvents` past the last checkpoint, or moved at all and
// `everyMinutes` passed since the last checkpoint (or, before the first, since the city's first event).
export async function checkpointDue(
  { head, last, firstEventAt }: ChainStanding,
  { everyEvents, everyMinutes }: CheckpointPolicy,
  now: Date,
): Promise<boolean> {
  const moved = head.lastPosition - (last?.position ?? 0);
  if (moved <= 0) return false;
  if (moved >= everyEvents) return true;
  const since = last?.signedAt ?? (await firstEventAt());
  return now.getTime() - new Date(since).getTime() >= everyMinutes * 60_000;
}
