import { Query } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { TermView } from '../../term.view';
import { TermReadDto } from '../read-options.dto';

export class GetTermQuery extends Query<TermView> {
  constructor(
    readonly cityId: CityId,
    readonly termId: string,
    readonly options: TermReadDto,
  ) {
    super();
  }
}
