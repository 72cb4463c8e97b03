import { TimelineEntry } from './timeline-source';

const order = (a: TimelineEntry, b: TimelineEntry) =>
  a.at.getTime() - b.at.getTime() ||
  (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

// Each source returns its own first `limit + 1` entries after the cursor in (at, kind, id) order; the
// first `limit + 1` of their union are the page plus the one entry that says another page follows.
export function mergeTimeline(lists: readonly (readonly TimelineEntry[])[], limit: number): TimelineEntry[] {
  return lists
    .flat()
    .sort(order)
    .slice(0, limit + 1);
}
