import { EntityManager } from 'typeorm';

// The given streams that are in the city's log (row-level security limits `em` to the city). Streams
// are never removed, so an answer still holds when the caller's events are appended.
export async function knownStreams(em: EntityManager, streams: readonly string[]): Promise<Set<string>> {
  if (streams.length === 0) return new Set();
  const rows = await em.query<{ stream_id: string }[]>(
    `SELECT DISTINCT stream_id FROM events WHERE stream_id = ANY($1)`,
    [streams],
  );
  return new Set(rows.map((r) => r.stream_id));
}
