import { Query } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { TermView } from '../../term.view';
import { ListTermsDto } from '../read-options.dto';

export class ListTermsQuery extends Query<TermView[]> {
  constructor(
    readonly cityId: CityId,
    readonly options: ListTermsDto,
  ) {
    super();
  }
}
