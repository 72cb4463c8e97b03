import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { evolveIndicator, IndicatorState, initialIndicatorState } from '../../domain/indicator.decider';
import { IndicatorEvent } from '../../domain/indicator.events';
import { IndicatorHistory } from '../../indicator-history';
import { IndicatorVersionView } from '../../indicator.view';
import { indicatorNotFound } from '../get-indicator/get-indicator.handler';
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
  constructor(private readonly history: IndicatorHistory) {}

  async execute({ cityId, indicatorId }: IndicatorHistoryQuery): Promise<IndicatorVersionView[]> {
    const { events } = await this.history.load(cityId, indicatorId);
    if (events.length === 0) throw indicatorNotFound();
    let state = initialIndicatorState;
    return events.map((recorded) => {
      const event = recorded as unknown as IndicatorEvent;
      const view: IndicatorVersionView = {
        version: recorded.version,
        type: recorded.type,
        recordedAt: recorded.recordedAt.toISOString(),
        actor: { id: recorded.metadata.actorId ?? null, role: recorded.metadata.actorRole ?? null },
        ...describe(event, state),
      };
      state = evolveIndicator(state, event);
      return view;
    });
  }
}
