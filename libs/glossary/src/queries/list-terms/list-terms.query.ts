import { Query } from '@nestjs/cqrs';
import { CityId, Page } from '@rl/kernel';
import { TermView } from '../../term.view';
import { ListTermsDto } from '../read-options.dto';

export class ListTermsQuery extends Query<Page<TermView>> {
  constructor(
    readonly cityId: CityId,
    readonly options: ListTermsDto,
  ) {
    super();
  }
}
