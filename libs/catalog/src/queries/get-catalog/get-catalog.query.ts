import { Query } from '@nestjs/cqrs';
import { Resource } from '../../domain/rdf';

export class GetCatalogQuery extends Query<Resource[]> {
  constructor(
    readonly citySlug: string,
    // 1-based.
    readonly page: number,
    readonly modifiedSince: string | null,
  ) {
    super();
  }
}
