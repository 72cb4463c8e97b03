import { Injectable } from '@nestjs/common';
import { Client } from 'pg';
import { EntityManager } from 'typeorm';
import { RecordedEvent } from '@rl/event-store';
import { CityId } from '@rl/kernel';
import { Projection, ProjectionDefinition } from '@rl/projections';

export const DELIVERIES_PROJECTION = 'reliability-deliveries';
export const DELIVERIES_TABLE = 'reliability_deliveries';

// A projection whose effect is not idempotent: it counts how often each organisation event was applied.
// A replayed or doubly owned batch shows up as a count of 2, which the organisations read model (last
// writer wins per version) would hide.
@Injectable()
@ProjectionDefinition()
export class DeliveryCountingProjection implements Projection {
  readonly name = DELIVERIES_PROJECTION;
  readonly handles = ['OrganisationRegistered', 'OrganisationRenamed', 'OrganisationReclassified'];
  readonly tables = [DELIVERIES_TABLE];

  async apply(em: EntityManager, cityId: CityId, events: readonly RecordedEvent[]): Promise<void> {
    await em.query(
      `INSERT INTO ${DELIVERIES_TABLE} (tenant_id, event_id, deliveries) SELECT $1, unnest($2::uuid[]), 1
       ON CONFLICT (tenant_id, event_id) DO UPDATE SET deliveries = ${DELIVERIES_TABLE}.deliveries + 1`,
      [cityId, events.map((e) => e.eventId)],
    );
  }
}

// The counting projection's table in the test database, shaped like every tenant table (tenant_id first
// in the key, row-level security forced) so that suites checking all tenant tables still hold.
export async function createDeliveriesTable(admin: Client, appRole: string): Promise<void> {
  await admin.query(`DROP TABLE IF EXISTS ${DELIVERIES_TABLE}`);
  await admin.query(
    `CREATE TABLE ${DELIVERIES_TABLE} (tenant_id uuid NOT NULL, event_id uuid NOT NULL, deliveries int NOT NULL,
       PRIMARY KEY (tenant_id, event_id))`,
  );
  await admin.query(`ALTER TABLE ${DELIVERIES_TABLE} ENABLE ROW LEVEL SECURITY`);
  await admin.query(`ALTER TABLE ${DELIVERIES_TABLE} FORCE ROW LEVEL SECURITY`);
  await admin.query(
    `CREATE POLICY tenant_isolation ON ${DELIVERIES_TABLE}
       USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
       WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)`,
  );
  await admin.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${DELIVERIES_TABLE} TO "${appRole}"`);
}

export async function dropDeliveriesTable(admin: Client): Promise<void> {
  await admin.query(`DROP TABLE IF EXISTS ${DELIVERIES_TABLE}`);
}

// How many of the city's organisation events up to `upTo` were counted, and the fewest and most
// deliveries of any: exactly once is { counted: events, min: 1, max: 1 }.
export async function deliveries(
  admin: Client,
  cityId: CityId,
  upTo: number,
): Promise<{ events: number; counted: number; min: number | null; max: number | null }> {
  const { rows } = await admin.query<{
    events: number;
    counted: number;
    min: number | null;
    max: number | null;
  }>(
    `SELECT (SELECT count(*)::int FROM events e WHERE e.tenant_id = $1 AND e.position <= $2 AND e.type LIKE 'Organisation%') AS events,
            count(d.event_id)::int AS counted, min(d.deliveries) AS min, max(d.deliveries) AS max
       FROM ${DELIVERIES_TABLE} d WHERE d.tenant_id = $1`,
    [cityId, upTo],
  );
  return rows[0];
}
