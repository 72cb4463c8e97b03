import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { cursorOf, Page, pageOf } from '@rl/kernel';
import { pageRequest } from '@rl/web';
import { CheckpointView } from '../../checkpoints/checkpoint.view';
import { CheckpointLedger } from '../../persistence/checkpoint-ledger';
import { ListCheckpointsQuery } from './list-checkpoints.query';

@QueryHandler(ListCheckpointsQuery)
export class ListCheckpointsHandler implements IQueryHandler<ListCheckpointsQuery, Page<CheckpointView>> {
  constructor(private readonly ledger: CheckpointLedger) {}

  async execute({ cityId, page: query }: ListCheckpointsQuery): Promise<Page<CheckpointView>> {
    const page = pageRequest(query);
    const after = cursorOf(page, ['instant', 'uuid']);
    const rows = await this.ledger.page(cityId, after, page.limit + 1);
    return pageOf(
      rows,
      page.limit,
      (row) => row.key,
      ({ key: _key, ...checkpoint }) => checkpoint,
    );
  }
}
