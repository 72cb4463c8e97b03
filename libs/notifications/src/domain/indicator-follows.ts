import { Decider } from '@rl/kernel';
import { FollowErrors } from './notifications.errors';

// A member's explicit follows of indicators in one city: one stream per member and city, so each
// follow and unfollow is an audited event of its own and the followers can be replayed from the log.
export type IndicatorFollowEvent =
  | { type: 'IndicatorFollowed'; data: { userId: string; indicatorId: string } }
  | { type: 'IndicatorUnfollowed'; data: { userId: string; indicatorId: string } };

export const INDICATOR_FOLLOW_EVENT_TYPES = ['IndicatorFollowed', 'IndicatorUnfollowed'] as const;

export const indicatorFollowsStream = (userId: string) => `indicator-follows-${userId}`;

// A member follows what they work with, not the whole catalogue: the bound keeps the stream's state and
// every notice fan-out small.
export const MAX_FOLLOWS = 500;

export type FollowCommand = { type: 'Follow' | 'Unfollow'; userId: string; indicatorId: string };

export interface FollowsState {
  following: ReadonlySet<string>;
}

// Following again, or unfollowing what one does not follow, changes nothing and records nothing.
function decide(command: FollowCommand, state: FollowsState): IndicatorFollowEvent[] {
  const { userId, indicatorId } = command;
  const follows = state.following.has(indicatorId);
  if (command.type === 'Unfollow')
    return follows ? [{ type: 'IndicatorUnfollowed', data: { userId, indicatorId } }] : [];
  if (follows) return [];
  if (state.following.size >= MAX_FOLLOWS)
    throw FollowErrors.LIMIT_REACHED({ message: `At most ${MAX_FOLLOWS} followed indicators per city` });
  return [{ type: 'IndicatorFollowed', data: { userId, indicatorId } }];
}

function evolve(state: FollowsState, event: IndicatorFollowEvent): FollowsState {
  const following = new Set(state.following);
  if (event.type === 'IndicatorFollowed') following.add(event.data.indicatorId);
  else following.delete(event.data.indicatorId);
  return { following };
}

export const indicatorFollowsDecider: Decider<FollowsState, FollowCommand, IndicatorFollowEvent> = {
  initialState: () => ({ following: new Set() }),
  decide,
  evolve,
  eventTypes: INDICATOR_FOLLOW_EVENT_TYPES,
};
