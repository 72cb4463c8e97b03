import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EventStore } from '@rl/event-store';
import { isEventOf } from '@rl/kernel';
import { indicatorDecider, IndicatorState } from '../../domain/indicator.decider';
import { IndicatorErrors } from '../../domain/indicator.errors';
import { IndicatorEvent, indicatorStream } from '../../domain/indicator.events';
import { IndicatorVersionView } from '../../indicator.view';
import { IndicatorHistoryQuery } from './indicator-history.query';

type Changes = IndicatorVersionView['changes'];

const statusChange = (state: IndicatorState, after: string): Changes => ({
  status: { before: state.exists ? state.status : null, after },
});

function describe(
  event: IndicatorEvent,
  before: IndicatorState,
): Pick<IndicatorVersionView, 'changes'> & Partial<IndicatorVersionView> {
  switch (event.type) {
    case 'IndicatorDefined':
      return {
        changes: {
          ...Object.fromEntries(
            Object.entries(event.data.definition as object).map(([field, after]: [string, unknown]) => [
              field,
              { before: null, after },
            ]),
          ),
          status: { before: null, after: 'draft' },
        },
      };
    case 'IndicatorRedefined':
      return {
        changes: event.data.changes,
        seriesBreak: event.data.seriesBreak,
        series: event.data.series,
      };
    case 'IndicatorActivated':
      return { changes: statusChange(before, 'active') };
    case 'IndicatorRetired':
      return { changes: statusChange(before, 'retired') };
  }
}

// Every version of the definition from its events, with who recorded it and when.
@QueryHandler(IndicatorHistoryQuery)
export class IndicatorHistoryHandler implements IQueryHandler<IndicatorHistoryQuery, IndicatorVersionView[]> {
  constructor(private readonly events: EventStore) {}

  async execute({ cityId, indicatorId }: IndicatorHistoryQuery): Promise<IndicatorVersionView[]> {
    const recorded = await this.events.readStream(cityId, indicatorStream(indicatorId));
    if (recorded.length === 0) throw IndicatorErrors.NOT_FOUND();
    let state = indicatorDecider.initialState();
    return recorded
      .filter((event) => isEventOf<IndicatorEvent>(indicatorDecider.eventTypes, event))
      .map((event) => {
        const view: IndicatorVersionView = {
          version: event.version,
          type: event.type,
          recordedAt: event.recordedAt.toISOString(),
          actor: { id: event.metadata.actorId ?? null, role: event.metadata.actorRole ?? null },
          ...describe(event, state),
        };
        state = indicatorDecider.evolve(state, event);
        return view;
      });
  }
}
