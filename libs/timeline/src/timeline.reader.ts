import { Injectable } from '@nestjs/common';
import { CityId } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { mergeTimeline } from './timeline-merge';
import { TimelineEntry, TimelineKind, TimelineSource, TimelineWindow } from './timeline-source';
import { TimelineSources } from './timeline-sources';

export interface TimelineFilter extends TimelineWindow {
  // Only these kinds; all when left out.
  kinds?: readonly TimelineKind[];
}

// One timeline out of every context's source, read in one transaction of the city (row-level security),
// so the entries agree with each other. Returns up to `limit + 1` entries (see mergeTimeline).
@Injectable()
export class TimelineReader {
  constructor(
    private readonly db: TenantDb,
    private readonly sources: TimelineSources,
  ) {}

  sourcesOf(kinds?: readonly TimelineKind[]): readonly TimelineSource[] {
    return this.sources.all().filter((source) => !kinds || kinds.includes(source.kind));
  }

  async read(cityId: CityId, { kinds, ...window }: TimelineFilter): Promise<TimelineEntry[]> {
    const lists = await this.db.inCity(cityId, async (em) => {
      const found: TimelineEntry[][] = [];
      for (const source of this.sourcesOf(kinds))
        found.push(await source.entries(em, cityId, { ...window, limit: window.limit + 1 }));
      return found;
    });
    return mergeTimeline(lists, window.limit);
  }
}
