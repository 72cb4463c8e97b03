import { ApiProperty } from '@nestjs/swagger';
import { ERASED, EventSchemas } from '@rl/event-store';

// recorded_at as the hash covers it: UTC with microseconds (a JS Date would drop the last three digits).
export const RECORDED_AT_TEXT = `to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

// position comes back as a string (bigint); no cast here, or ORDER BY position would sort the text.
export const AUDIT_EVENT_COLUMNS = `position, stream_id, stream_version, event_id, type, schema_version, data,
  metadata, ${RECORDED_AT_TEXT} AS recorded_at, hash`;

export interface AuditEventRow {
  position: string;
  stream_id: string;
  stream_version: number;
  event_id: string;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: Record<string, unknown>;
  recorded_at: string;
  hash: string;
}

export class AuditEventView {
  @ApiProperty({ description: "The event's place in the city's log (1, 2, 3… without gaps)" })
  position!: number;

  @ApiProperty({ example: 'organisation-0196c1d2-7a3b-7c4d-8e5f-0123456789ab' })
  streamId!: string;

  @ApiProperty({ description: 'The version of the stream this event made (1, 2, 3…)' })
  version!: number;

  @ApiProperty({ example: 'OrganisationRegistered' })
  type!: string;

  @ApiProperty({
    description:
      'Upcast to the current schema of the type. Personal fields (see the README, "What is personal data") are ' +
      `stored encrypted per person and shown decrypted here; once the person was erased they read "${ERASED}" ` +
      '(the log keeps the ciphertext, so the chain still verifies)',
    type: Object,
  })
  data!: unknown;

  @ApiProperty({
    description:
      'actorId, actorRole, organisationId, requestId, correlationId, idempotencyKey (sha256 of actor, route and ' +
      "the client's key), requestFingerprint (sha256 of the request the key was used for)",
    type: Object,
  })
  metadata!: Record<string, unknown>;

  @ApiProperty({
    format: 'date-time',
    example: '2025-03-01T10:00:00.123456Z',
    description: 'UTC, with microseconds, exactly as the hash covers it',
  })
  recordedAt!: string;

  @ApiProperty({ description: 'SHA-256 (hex) chaining this event to the previous one of the city' })
  hash!: string;

  static of(row: AuditEventRow, schemas: EventSchemas): AuditEventView {
    return {
      position: Number(row.position),
      streamId: row.stream_id,
      version: row.stream_version,
      type: row.type,
      data: schemas.upcast(row.type, row.schema_version, row.data),
      metadata: row.metadata,
      recordedAt: row.recorded_at,
      hash: row.hash,
    };
  }
}
