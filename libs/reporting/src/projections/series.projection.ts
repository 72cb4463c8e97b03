import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RecordedEvent } from '@rl/event-store';
import { CityId, isEventOf } from '@rl/kernel';
import { Projection, ProjectionDefinition } from '@rl/projections';
import { SUBMISSION_EVENT_TYPES, SubmissionEvent } from '../domain/submission.events';

interface Row {
  indicatorId: string;
  periodId: string;
  key: string;
  disaggregation: Record<string, string>;
  submissionId: string;
  organisationId: string;
  status: string;
  submittedValue: number | null;
  submittedObservationStatus: string | null;
  validatedValue: number | null;
  validatedObservationStatus: string | null;
  late: boolean;
  series: number;
  outlier: { reason: string } | null;
  position: number;
  updatedAt: Date;
}

export const SERIES_PROJECTION = 'series';

const INSERT_SLICE = 5_000;

const pairOf = (d: { indicatorId: string; periodId: string }) => `${d.indicatorId}|${d.periodId}`;

// Per indicator × period × disaggregation key: the latest submitted and the latest validated value. A
// batch is folded per (indicator, period) and those rows are rewritten once; an event at or below the
// highest position already folded into its (indicator, period) is skipped.
@Injectable()
@ProjectionDefinition()
export class SeriesProjection implements Projection {
  readonly name = SERIES_PROJECTION;
  readonly handles = SUBMISSION_EVENT_TYPES;
  readonly tables = ['series'];

  async apply(em: EntityManager, cityId: CityId, events: readonly RecordedEvent[]): Promise<void> {
    const pairs = new Map<string, { indicatorId: string; periodId: string }>();
    for (const e of events) {
      const d = e.data as SubmissionEvent['data'];
      pairs.set(pairOf(d), { indicatorId: d.indicatorId, periodId: d.periodId });
    }
    const list = [...pairs.values()];
    const existing = await em.query<Row[]>(
      `SELECT indicator_id AS "indicatorId", period_id AS "periodId", disaggregation_key AS key, disaggregation,
              submission_id AS "submissionId", organisation_id AS "organisationId", status,
              submitted_value AS "submittedValue", submitted_observation_status AS "submittedObservationStatus",
              validated_value AS "validatedValue", validated_observation_status AS "validatedObservationStatus",
              late, series, outlier, position::float8 AS position, updated_at AS "updatedAt"
         FROM series s
         JOIN unnest($2::uuid[], $3::uuid[]) AS t(ind, per) ON s.indicator_id = t.ind AND s.period_id = t.per
        WHERE s.tenant_id = $1`,
      [cityId, list.map((p) => p.indicatorId), list.map((p) => p.periodId)],
    );
    const byPair = new Map<string, Map<string, Row>>([...pairs.keys()].map((k) => [k, new Map()]));
    for (const row of existing) byPair.get(pairOf(row))?.set(row.key, row);
    const folded = new Map<string, number>();
    for (const [pair, rows] of byPair) {
      folded.set(pair, Math.max(0, ...[...rows.values()].map((r) => Number(r.position))));
    }
    const changed = new Set<string>();
    for (const event of events) {
      if (!isEventOf<SubmissionEvent>(SUBMISSION_EVENT_TYPES, event)) continue;
      const d = event.data;
      const pair = pairOf(d);
      if (event.position <= (folded.get(pair) ?? 0)) continue;
      const rows = byPair.get(pair) as Map<string, Row>;
      const at = { position: event.position, updatedAt: event.recordedAt };
      switch (event.type) {
        case 'SubmissionSubmitted':
        case 'SubmissionCorrected': {
          const keys = new Set(event.data.observations.map((o) => o.key));
          // Superseded keys of this submission: drop them unless a validated value stands.
          for (const [key, row] of rows) {
            if (row.submissionId !== d.submissionId || keys.has(key)) continue;
            if (row.validatedValue === null) rows.delete(key);
            else rows.set(key, { ...row, submittedValue: null, submittedObservationStatus: null, ...at });
          }
          for (const o of event.data.observations) {
            const row = rows.get(o.key);
            rows.set(o.key, {
              indicatorId: d.indicatorId,
              periodId: d.periodId,
              key: o.key,
              disaggregation: o.disaggregation,
              submissionId: d.submissionId,
              organisationId: d.organisationId,
              status: 'submitted',
              submittedValue: o.value,
              submittedObservationStatus: o.status,
              validatedValue: row?.validatedValue ?? null,
              validatedObservationStatus: row?.validatedObservationStatus ?? null,
              late: event.data.late,
              series: event.data.series,
              outlier: o.outlier ?? null,
              ...at,
            });
          }
          break;
        }
        case 'SubmissionValidated':
          for (const o of event.data.observations) {
            const row = rows.get(o.key);
            rows.set(o.key, {
              indicatorId: d.indicatorId,
              periodId: d.periodId,
              key: o.key,
              disaggregation: o.disaggregation,
              submissionId: d.submissionId,
              organisationId: d.organisationId,
              status: 'validated',
              submittedValue: o.value,
              submittedObservationStatus: o.status,
              validatedValue: o.value,
              validatedObservationStatus: o.status,
              late: event.data.late,
              series: event.data.series,
              outlier: o.outlier ?? row?.outlier ?? null,
              ...at,
            });
          }
          break;
        case 'SubmissionReturned':
          for (const [key, row] of rows) {
            if (row.submissionId === d.submissionId) rows.set(key, { ...row, status: 'returned', ...at });
          }
          break;
      }
      folded.set(pair, event.position);
      changed.add(pair);
    }
    if (changed.size === 0) return;
    const touched = [...changed].map((pair) => pairs.get(pair) as { indicatorId: string; periodId: string });
    await em.query(
      `DELETE FROM series s USING unnest($2::uuid[], $3::uuid[]) AS t(ind, per)
        WHERE s.tenant_id = $1 AND s.indicator_id = t.ind AND s.period_id = t.per`,
      [cityId, touched.map((p) => p.indicatorId), touched.map((p) => p.periodId)],
    );
    const all = [...changed].flatMap((pair) => [...(byPair.get(pair) as Map<string, Row>).values()]);
    // In slices: the driver serialises each array parameter synchronously, and one statement for an
    // import's 200,000 rows would hold the event loop for seconds (other requests' transactions then
    // exceed the idle-in-transaction timeout).
    for (let at = 0; at < all.length; at += INSERT_SLICE) {
      await this.insert(em, cityId, all.slice(at, at + INSERT_SLICE));
    }
  }

  private async insert(em: EntityManager, cityId: CityId, written: Row[]): Promise<void> {
    await em.query(
      `INSERT INTO series (tenant_id, indicator_id, period_id, disaggregation_key, disaggregation, submission_id,
                           organisation_id, status, submitted_value, submitted_observation_status, validated_value,
                           validated_observation_status, late, series, outlier, position, updated_at)
       SELECT $1, * FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::jsonb[], $6::uuid[], $7::uuid[],
                                $8::submission_status[], $9::float8[], $10::varchar[], $11::float8[], $12::varchar[],
                                $13::bool[], $14::int[], $15::jsonb[], $16::bigint[], $17::timestamptz[])`,
      [
        cityId,
        written.map((r) => r.indicatorId),
        written.map((r) => r.periodId),
        written.map((r) => r.key),
        written.map((r) => JSON.stringify(r.disaggregation)),
        written.map((r) => r.submissionId),
        written.map((r) => r.organisationId),
        written.map((r) => r.status),
        written.map((r) => r.submittedValue),
        written.map((r) => r.submittedObservationStatus),
        written.map((r) => r.validatedValue),
        written.map((r) => r.validatedObservationStatus),
        written.map((r) => r.late),
        written.map((r) => r.series),
        written.map((r) => (r.outlier ? JSON.stringify(r.outlier) : null)),
        written.map((r) => r.position),
        written.map((r) => r.updatedAt),
      ],
    );
  }
}
