import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { cursorOf, Page, pageOf } from '@rl/kernel';
import { ProjectionWaiter } from '@rl/projections';
import { pageRequest } from '@rl/web';
import { IndicatorFollows } from '../../../persistence/indicator-follows.repository';
import { GLOSSARY_NOTICES_PROJECTION } from '../../../projections/glossary-notices.projection';
import { FollowView } from '../../follows.view';
import { ListMyFollowsQuery } from './list-my-follows.query';

@QueryHandler(ListMyFollowsQuery)
export class ListMyFollowsHandler implements IQueryHandler<ListMyFollowsQuery, Page<FollowView>> {
  constructor(
    private readonly follows: IndicatorFollows,
    private readonly waiter: ProjectionWaiter,
  ) {}

  async execute({ cityId, userId, options }: ListMyFollowsQuery): Promise<Page<FollowView>> {
    const page = pageRequest(options);
    const after = cursorOf(page, ['uuid']);
    await this.waiter.waitFor(cityId, GLOSSARY_NOTICES_PROJECTION, options.minPosition);
    const rows = await this.follows.page(cityId, userId, after, page.limit);
    return pageOf(
      rows,
      page.limit,
      (row) => [row.indicatorId],
      (row) => ({ ...row, followedAt: new Date(row.followedAt).toISOString() }),
    );
  }
}
