import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { cursorOf, Page, pageOf } from '@rl/kernel';
import { pageRequest } from '@rl/web';
import { TermView } from '../../term.view';
import { afterKey, byLabel, matchesFilter, sortKey } from '../term-views';
import { TermsReader } from '../terms-reader';
import { ListTermsQuery } from './list-terms.query';

// A glossary holds tens to hundreds of terms and `q` searches every label and definition (and `asOf`
// folds each term's past), so the page is cut from the filtered, sorted set with a keyset cursor on
// (label, id): a page stays right when terms are added or change status between requests.
@QueryHandler(ListTermsQuery)
export class ListTermsHandler implements IQueryHandler<ListTermsQuery, Page<TermView>> {
  constructor(private readonly reader: TermsReader) {}

  async execute({ cityId, options }: ListTermsQuery): Promise<Page<TermView>> {
    const page = pageRequest(options);
    const after = cursorOf(page, ['string', 'uuid']);
    const rows = await this.reader.rows(cityId, options);
    const shown = rows
      .filter((row) => matchesFilter(row, options) && afterKey(row, options.lang, after))
      .sort(byLabel(options.lang))
      .slice(0, page.limit + 1);
    const views = new Map((await this.reader.views(rows, shown)).map((view) => [view.id, view]));
    return pageOf(
      shown,
      page.limit,
      (row) => [sortKey(row, options.lang), row.id],
      (row) => views.get(row.id) as TermView,
    );
  }
}
