import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RecordedEvent } from '@rl/event-store';
import { Projection, ProjectionDefinition } from '@rl/projections';
import { CityId, isEventOf } from '@rl/kernel';
import { organisationDecider, OrganisationState } from '../domain/organisation.decider';
import { ORGANISATION_EVENT_TYPES, OrganisationEvent } from '../domain/organisation.events';
import { OrganisationRecord } from '../persistence/organisation.entity';

type Row = Omit<OrganisationRecord, 'tenantId'>;

export const ORGANISATIONS_PROJECTION = 'organisations';

// Folds a batch per organisation in memory and writes each touched row once, so a rebuild costs one
// read and one upsert per batch rather than per event.
@Injectable()
@ProjectionDefinition()
export class OrganisationsProjection implements Projection {
  readonly name = ORGANISATIONS_PROJECTION;
  readonly handles = ORGANISATION_EVENT_TYPES;
  readonly tables = ['organisations'];

  async apply(em: EntityManager, cityId: CityId, events: readonly RecordedEvent[]): Promise<void> {
    const ids = [...new Set(events.map((e) => (e.data as OrganisationEvent['data']).organisationId))];
    const existing = await em.query<Row[]>(
      `SELECT id, name, kind, version, created_at AS "createdAt", updated_at AS "updatedAt"
         FROM organisations WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
      [cityId, ids],
    );
    const rows = new Map<string, Row>(existing.map((row) => [row.id, row]));
    const changed = new Set<string>();
    for (const event of events) {
      const id = (event.data as OrganisationEvent['data']).organisationId;
      const row = rows.get(id);
      // Idempotent: an event this row already reflects (a replay) changes nothing.
      if (row && event.version <= row.version) continue;
      const before: OrganisationState = row
        ? { exists: true, organisationId: id, name: row.name, kind: row.kind }
        : organisationDecider.initialState();
      if (!isEventOf<OrganisationEvent>(ORGANISATION_EVENT_TYPES, event)) continue;
      const after = organisationDecider.evolve(before, event);
      if (!after.exists) continue;
      changed.add(id);
      rows.set(id, {
        id,
        name: after.name,
        kind: after.kind,
        version: event.version,
        createdAt: row?.createdAt ?? event.recordedAt,
        updatedAt: event.recordedAt,
      });
    }
    if (changed.size === 0) return;
    const written = [...changed].map((id) => rows.get(id) as Row);
    await em.query(
      `INSERT INTO organisations (tenant_id, id, name, kind, version, created_at, updated_at)
       SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::organisation_kind[], $5::int[], $6::timestamptz[], $7::timestamptz[])
       ON CONFLICT (tenant_id, id) DO UPDATE
         SET name = EXCLUDED.name, kind = EXCLUDED.kind, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
         WHERE organisations.version < EXCLUDED.version`,
      [
        cityId,
        written.map((r) => r.id),
        written.map((r) => r.name),
        written.map((r) => r.kind),
        written.map((r) => r.version),
        written.map((r) => r.createdAt),
        written.map((r) => r.updatedAt),
      ],
    );
  }
}
