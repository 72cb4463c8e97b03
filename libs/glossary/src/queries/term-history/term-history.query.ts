import { Query } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { TermRevisionView } from '../../term.view';

export class TermHistoryQuery extends Query<TermRevisionView[]> {
  constructor(
    readonly cityId: CityId,
    readonly termId: string,
  ) {
    super();
  }
}
