import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { cursorOf, invalidCursor, Page, pageOf } from '@rl/kernel';
import { ProjectionWaiter } from '@rl/projections';
import { TIMELINE_KINDS, TimelineEntry, TimelineKind, TimelineWindow } from '../../timeline-source';
import { TimelineReader } from '../../timeline.reader';
import { TimelineEntryView } from '../../timeline.view';
import { GetTimelineQuery } from './get-timeline.query';

// JavaScript's own range of instants: a cursor outside it names no entry.
const MAX_INSTANT_MS = 8.64e15;

const afterOf = (key: ReturnType<typeof cursorOf>): TimelineWindow['after'] => {
  if (!key) return undefined;
  const [at, kind, id] = key as [number, string, string];
  if (Math.abs(at) > MAX_INSTANT_MS || !TIMELINE_KINDS.includes(kind as TimelineKind)) throw invalidCursor();
  return { at: new Date(at), kind: kind as TimelineKind, id };
};

const toView = (entry: TimelineEntry): TimelineEntryView => ({
  ...entry,
  at: entry.at.toISOString(),
  endsAt: entry.endsAt?.toISOString() ?? null,
});

@QueryHandler(GetTimelineQuery)
export class GetTimelineHandler implements IQueryHandler<GetTimelineQuery, Page<TimelineEntryView>> {
  constructor(
    private readonly timeline: TimelineReader,
    private readonly waiter: ProjectionWaiter,
  ) {}

  async execute({ cityId, filter, page, minPosition }: GetTimelineQuery): Promise<Page<TimelineEntryView>> {
    const after = afterOf(cursorOf(page, ['number', 'string', 'uuid']));
    const projections = this.timeline
      .sourcesOf(filter.kinds)
      .flatMap((source) => [source.projection, ...(source.alsoWaitsFor ?? [])]);
    for (const projection of new Set(projections)) await this.waiter.waitFor(cityId, projection, minPosition);
    const entries = await this.timeline.read(cityId, { ...filter, after, limit: page.limit });
    return pageOf(entries, page.limit, (e) => [e.at.getTime(), e.kind, e.id], toView);
  }
}
