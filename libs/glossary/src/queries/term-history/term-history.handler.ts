import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { GlossaryTermErrors } from '../../domain/glossary.errors';
import { GlossaryTermEvent } from '../../domain/glossary-term.events';
import { GlossaryTermsReadModel } from '../../persistence/glossary-terms.repository';
import { TermRevisionView } from '../../term.view';
import { TermHistoryQuery } from './term-history.query';

// Why an event happened, in the words of whoever caused it.
function why(event: GlossaryTermEvent): string | null {
  switch (event.type) {
    case 'GlossaryTermProposed':
    case 'GlossaryRevisionProposed':
      return event.data.rationale;
    case 'GlossaryProposalAdopted':
    case 'GlossaryProposalRejected':
    case 'GlossaryTermDeprecated':
      return event.data.note;
    case 'GlossaryProposalSuperseded':
      return event.data.reason;
    case 'GlossaryStanceTaken':
    case 'GlossaryTermMatched':
      return null;
  }
}

// Every event of the term, from its log: who, when, why and what.
@QueryHandler(TermHistoryQuery)
export class TermHistoryHandler implements IQueryHandler<TermHistoryQuery, TermRevisionView[]> {
  constructor(private readonly terms: GlossaryTermsReadModel) {}

  async execute({ cityId, termId }: TermHistoryQuery): Promise<TermRevisionView[]> {
    const events = await this.terms.stream(cityId, termId);
    if (events.length === 0) throw GlossaryTermErrors.NOT_FOUND();
    return events.map((event) => ({
      version: event.version,
      type: event.type,
      recordedAt: event.recordedAt.toISOString(),
      actor: { id: event.metadata.actorId ?? null, role: event.metadata.actorRole ?? null },
      proposalId: 'proposalId' in event.data ? event.data.proposalId : null,
      why: why(event),
      data: { ...event.data },
    }));
  }
}
