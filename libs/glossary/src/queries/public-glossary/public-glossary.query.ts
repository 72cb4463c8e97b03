import { Query } from '@nestjs/cqrs';
import { SkosScheme } from '../../public/skos-scheme';

export class PublicGlossaryQuery extends Query<SkosScheme> {
  constructor(readonly citySlug: string) {
    super();
  }
}
