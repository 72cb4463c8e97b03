import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TermView } from '../../term.view';
import { byLabel, matchesFilter } from '../term-views';
import { TermsReader } from '../terms-reader';
import { ListTermsQuery } from './list-terms.query';

@QueryHandler(ListTermsQuery)
export class ListTermsHandler implements IQueryHandler<ListTermsQuery, TermView[]> {
  constructor(private readonly reader: TermsReader) {}

  async execute({ cityId, options }: ListTermsQuery): Promise<TermView[]> {
    const rows = await this.reader.rows(cityId, options);
    const shown = rows.filter((row) => matchesFilter(row, options)).sort(byLabel(options.lang));
    return this.reader.views(rows, shown);
  }
}
