import { DeciderSpecification } from '@rl/kernel/testing';
import { IndicatorFollowEvent, indicatorFollowsDecider, MAX_FOLLOWS } from './indicator-follows';

const spec = DeciderSpecification.for(indicatorFollowsDecider);
const userId = '0192f0aa-0000-7000-8000-0000000000a1';
const indicatorId = '0192f0aa-0000-7000-8000-00000000000a';
const followed = (id = indicatorId): IndicatorFollowEvent => ({
  type: 'IndicatorFollowed',
  data: { userId, indicatorId: id },
});

describe('indicator follows decider', () => {
  it('follows an indicator, once', () => {
    spec.given([]).when({ type: 'Follow', userId, indicatorId }).then([followed()]);
    spec.given([followed()]).when({ type: 'Follow', userId, indicatorId }).then([]);
  });

  it('unfollows what it follows; unfollowing what it does not follow records nothing', () => {
    spec
      .given([followed()])
      .when({ type: 'Unfollow', userId, indicatorId })
      .then([{ type: 'IndicatorUnfollowed', data: { userId, indicatorId } }]);
    spec.given([]).when({ type: 'Unfollow', userId, indicatorId }).then([]);
  });

  it(`follows at most ${MAX_FOLLOWS} indicators in a city`, () => {
    const many = Array.from({ length: MAX_FOLLOWS }, (_, i) =>
      followed(`0192f0aa-0000-7000-8000-${String(i).padStart(12, '0')}`),
    );
    spec.given(many).when({ type: 'Follow', userId, indicatorId }).thenThrows('FOLLOW.LIMIT_REACHED');
  });
});
