import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { GlossaryTermErrors } from '../../domain/glossary.errors';
import { TermView } from '../../term.view';
import { TermsReader } from '../terms-reader';
import { GetTermQuery } from './get-term.query';

@QueryHandler(GetTermQuery)
export class GetTermHandler implements IQueryHandler<GetTermQuery, TermView> {
  constructor(private readonly reader: TermsReader) {}

  async execute({ cityId, termId, options }: GetTermQuery): Promise<TermView> {
    const rows = await this.reader.rows(cityId, options);
    const row = rows.find((r) => r.id === termId);
    if (!row) throw GlossaryTermErrors.NOT_FOUND();
    const [view] = await this.reader.views(rows, [row]);
    return view;
  }
}
