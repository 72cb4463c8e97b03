import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '../rls';

// The canonical text of an event that its hash covers; the verifier rebuilds the same string in code.
const CANONICAL = `concat_ws('|', v_prev, p_tenant::text, v_position::text, p_stream, v_version::text, v_event_id::text,
  v_event->>'type', (v_event->>'schemaVersion')::int::text, (v_event->'data')::text, (v_event->'metadata')::text,
  to_char(v_now AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), v_tx::text, coalesce(v_key, ''))`;

export class EventStore1795704000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE tenant_heads (
        tenant_id uuid PRIMARY KEY REFERENCES cities (id),
        last_position bigint NOT NULL DEFAULT 0,
        last_hash char(64) NOT NULL DEFAULT repeat('0', 64)
      )`);
    await queryRunner.query(`
      CREATE TABLE events (
        tenant_id uuid NOT NULL REFERENCES cities (id),
        position bigint NOT NULL,
        stream_id text NOT NULL,
        stream_version integer NOT NULL,
        event_id uuid NOT NULL,
        type text NOT NULL,
        schema_version integer NOT NULL,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        recorded_at timestamptz NOT NULL,
        tx_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        idempotency_key text,
        -- A plain column so that the actor index is usable under row-level security (->> is not leakproof).
        actor_id text GENERATED ALWAYS AS (metadata->>'actorId') STORED,
        prev_hash char(64) NOT NULL,
        hash char(64) NOT NULL,
        PRIMARY KEY (tenant_id, position),
        CONSTRAINT uq_events_stream_version UNIQUE (tenant_id, stream_id, stream_version),
        CONSTRAINT uq_events_event_id UNIQUE (tenant_id, event_id)
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX uq_events_idempotency_key ON events (tenant_id, idempotency_key) WHERE idempotency_key IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX ix_events_type ON events (tenant_id, type, position)`);
    await queryRunner.query(`CREATE INDEX ix_events_actor ON events (tenant_id, actor_id, position)`);
    await queryRunner.query(`CREATE INDEX ix_events_recorded_at ON events (tenant_id, recorded_at)`);

    // Events are never changed or removed, by anyone: corrections are new events.
    await queryRunner.query(`
      CREATE FUNCTION refuse_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION USING ERRCODE = 'RL403', MESSAGE = 'events are append-only: ' || TG_OP || ' refused';
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events FOR EACH ROW EXECUTE FUNCTION refuse_event_change()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_change()`,
    );

    // One append: locks the city's head first (so the stream check sees every committed append), checks
    // the expected version, numbers and chains the events, and bumps the head. Called as the last
    // statement of its transaction, the head lock is held only until COMMIT: positions follow commit
    // order with no gaps, and different cities never wait for each other.
    await queryRunner.query(`
      CREATE FUNCTION append_events(p_tenant uuid, p_stream text, p_expected integer, p_events jsonb, p_idempotency_key text)
      RETURNS TABLE (last_position bigint, last_version integer) LANGUAGE plpgsql AS $$
      DECLARE
        v_position bigint;
        v_hash text;
        v_prev text;
        v_version integer;
        v_event jsonb;
        v_event_id uuid;
        v_index integer := 0;
        v_count integer := jsonb_array_length(p_events);
        v_now timestamptz;
        v_tx xid8 := pg_current_xact_id();
        v_key text;
      BEGIN
        SELECT h.last_position, h.last_hash INTO v_position, v_hash FROM tenant_heads h WHERE h.tenant_id = p_tenant FOR UPDATE;
        IF NOT FOUND THEN
          INSERT INTO tenant_heads (tenant_id) VALUES (p_tenant) ON CONFLICT DO NOTHING;
          SELECT h.last_position, h.last_hash INTO v_position, v_hash FROM tenant_heads h WHERE h.tenant_id = p_tenant FOR UPDATE;
        END IF;
        -- Stamped under the lock, so recorded_at follows position within a city.
        v_now := clock_timestamp();
        -- ORDER BY … LIMIT 1 keeps a backward scan of the stream's index even without statistics.
        SELECT coalesce((SELECT e.stream_version FROM events e WHERE e.tenant_id = p_tenant AND e.stream_id = p_stream
                          ORDER BY e.stream_version DESC LIMIT 1), 0) INTO v_version;
        IF p_expected IS NOT NULL AND v_version <> p_expected THEN
          RAISE EXCEPTION USING ERRCODE = 'RL409', MESSAGE = 'stream version conflict', DETAIL = v_version::text;
        END IF;
        FOR v_event IN SELECT value FROM jsonb_array_elements(p_events) LOOP
          v_index := v_index + 1;
          v_position := v_position + 1;
          v_version := v_version + 1;
          v_event_id := (v_event->>'eventId')::uuid;
          v_prev := v_hash;
          v_key := CASE WHEN v_index = v_count THEN p_idempotency_key END;
          v_hash := encode(sha256(convert_to(${CANONICAL}, 'UTF8')), 'hex');
          INSERT INTO events (tenant_id, position, stream_id, stream_version, event_id, type, schema_version, data, metadata,
                              recorded_at, tx_id, idempotency_key, prev_hash, hash)
          VALUES (p_tenant, v_position, p_stream, v_version, v_event_id, v_event->>'type', (v_event->>'schemaVersion')::int,
                  v_event->'data', v_event->'metadata', v_now, v_tx, v_key, v_prev, v_hash);
        END LOOP;
        UPDATE tenant_heads SET last_position = v_position, last_hash = v_hash WHERE tenant_id = p_tenant;
        RETURN QUERY SELECT v_position, v_version;
      END $$`);

    await queryRunner.query(`
      CREATE TABLE projection_checkpoints (
        tenant_id uuid NOT NULL REFERENCES cities (id),
        projection text NOT NULL,
        position bigint NOT NULL DEFAULT 0,
        owner text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, projection)
      )`);
    await queryRunner.query(`
      CREATE TABLE projection_dead_letters (
        tenant_id uuid NOT NULL REFERENCES cities (id),
        projection text NOT NULL,
        position bigint NOT NULL,
        event_id uuid NOT NULL,
        event_type text NOT NULL,
        error text NOT NULL,
        failed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, projection, position)
      )`);
    for (const table of ['tenant_heads', 'events', 'projection_checkpoints', 'projection_dead_letters']) {
      await enableTenantIsolation(queryRunner, table);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE projection_dead_letters, projection_checkpoints`);
    await queryRunner.query(`DROP FUNCTION append_events(uuid, text, integer, jsonb, text)`);
    await queryRunner.query(`DROP TABLE events, tenant_heads`);
    await queryRunner.query(`DROP FUNCTION refuse_event_change()`);
  }
}
