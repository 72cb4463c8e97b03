import { TimelineKind, TimelineWindow } from './timeline-source';

export interface SqlCondition {
  // Conditions joined by AND (never empty: at least 'TRUE'), with $n placeholders from `firstParam`.
  sql: string;
  params: unknown[];
}

// The time range and the cursor of a window as SQL over a source's own instant and id columns, so every
// source pages the same way. The kind is constant within a source, so the (at, kind, id) cursor
// reduces to a comparison on (at, id) or on at alone.
export function timelineWindowSql(
  window: TimelineWindow,
  kind: TimelineKind,
  columns: { at: string; id: string },
  firstParam: number,
): SqlCondition {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${firstParam + params.length - 1}`;
  };
  if (window.from) conditions.push(`${columns.at} >= ${param(window.from)}`);
  if (window.to) conditions.push(`${columns.at} < ${param(window.to)}`);
  const after = window.after;
  if (after) {
    if (kind === after.kind)
      conditions.push(`(${columns.at}, ${columns.id}) > (${param(after.at)}, ${param(after.id)}::uuid)`);
    else conditions.push(`${columns.at} ${kind > after.kind ? '>=' : '>'} ${param(after.at)}`);
  }
  return { sql: conditions.length ? conditions.join(' AND ') : 'TRUE', params };
}
