import { MigrationInterface, QueryRunner } from 'typeorm';

const SIGNATURE = 'public.append_events(uuid, text, integer, jsonb, text)';
const LOG_TABLES = ['events', 'tenant_heads'];
// Everything but SELECT: TRIGGER and REFERENCES too, which would let a role hook into or pin the log.
const WRITE_PRIVILEGES = 'INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER';

// Hash version 2: every field as a netstring, `<length in UTF-8 bytes>:<text>,`, and a null (only the
// idempotency key may be null) as `-,`, so that no field can bleed into its neighbour. The verifier
// (libs/audit/src/domain/hash-chain.ts) and the README define the same encoding.
const netstring = (field: string) =>
  `coalesce(octet_length(convert_to((${field}), 'UTF8'))::text || ':' || (${field}), '-') || ','`;
const FIELDS = (version: 1 | 2) => [
  `v_prev`,
  `p_tenant::text`,
  `v_position::text`,
  `p_stream`,
  `v_version::text`,
  `v_event_id::text`,
  `v_event->>'type'`,
  `(v_event->>'schemaVersion')::int::text`,
  `(v_event->'data')::text`,
  `(v_event->'metadata')::text`,
  `to_char(v_now AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
  `v_tx::text`,
  version === 1 ? `coalesce(v_key, '')` : `v_key`,
];
const CANONICAL = {
  // As landed in 1795704000000-event-store (kept for down()): fields joined with '|', unescaped.
  1: `concat_ws('|', ${FIELDS(1).join(', ')})`,
  2: [`'2'`, ...FIELDS(2)].map(netstring).join(' || '),
};

// Version 2 runs as the owner (the only role that may write the log) with a fixed search_path and
// qualified names, so a caller's temporary or look-alike objects are never used; pg_temp comes last
// explicitly (unlisted, it would be searched first). The owner is subject to the forced row-level
// security like anyone, and the function refuses any city but the transaction's: the definer cannot be
// used to write into another city. Version 1 is the original, run as the caller (kept for down()).
const appendEvents = (version: 1 | 2) => `
  CREATE OR REPLACE FUNCTION public.append_events(p_tenant uuid, p_stream text, p_expected integer, p_events jsonb,
                                                p_idempotency_key text)
  RETURNS TABLE (last_position bigint, last_version integer) LANGUAGE plpgsql
  ${version === 2 ? 'SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp' : 'SECURITY INVOKER'} AS $$
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
    ${
      version === 2
        ? `IF p_tenant IS DISTINCT FROM nullif(current_setting('app.tenant_id', true), '')::uuid THEN
      RAISE EXCEPTION USING ERRCODE = '42501', MESSAGE = 'append_events: the city is not the transaction''s app.tenant_id';
    END IF;`
        : ''
    }
    SELECT h.last_position, h.last_hash INTO v_position, v_hash FROM public.tenant_heads h WHERE h.tenant_id = p_tenant FOR UPDATE;
    IF NOT FOUND THEN
      INSERT INTO public.tenant_heads (tenant_id) VALUES (p_tenant) ON CONFLICT DO NOTHING;
      SELECT h.last_position, h.last_hash INTO v_position, v_hash FROM public.tenant_heads h WHERE h.tenant_id = p_tenant FOR UPDATE;
    END IF;
    -- Stamped under the lock, so recorded_at follows position within a city.
    v_now := clock_timestamp();
    -- ORDER BY … LIMIT 1 keeps a backward scan of the stream's index even without statistics.
    SELECT coalesce((SELECT e.stream_version FROM public.events e WHERE e.tenant_id = p_tenant AND e.stream_id = p_stream
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
      v_hash := encode(sha256(convert_to(${CANONICAL[version]}, 'UTF8')), 'hex');
      INSERT INTO public.events (tenant_id, position, stream_id, stream_version, event_id, type, schema_version, data,
                                 metadata, recorded_at, tx_id, idempotency_key, prev_hash, hash${version === 2 ? ', hash_version' : ''})
      VALUES (p_tenant, v_position, p_stream, v_version, v_event_id, v_event->>'type', (v_event->>'schemaVersion')::int,
              v_event->'data', v_event->'metadata', v_now, v_tx, v_key, v_prev, v_hash${version === 2 ? ', 2' : ''});
    END LOOP;
    UPDATE public.tenant_heads SET last_position = v_position, last_hash = v_hash WHERE tenant_id = p_tenant;
    RETURN QUERY SELECT v_position, v_version;
  END $$`;

// The roles other than the owner that hold `privilege` (or any) on the objects, as quoted identifiers.
async function grantees(
  queryRunner: QueryRunner,
  objects: { tables: string[] } | { function: string },
  privilege?: string,
): Promise<string> {
  const [catalog, acl, owner, oids] =
    'tables' in objects
      ? ['pg_class', 'relacl', 'relowner', objects.tables.map((t) => `'public.${t}'::regclass`)]
      : ['pg_proc', 'proacl', 'proowner', [`'${objects.function}'::regprocedure`]];
  const rows = (await queryRunner.query(
    `SELECT DISTINCT quote_ident(r.rolname) AS role
       FROM ${catalog} o CROSS JOIN LATERAL aclexplode(o.${acl}) a JOIN pg_roles r ON r.oid = a.grantee
      WHERE o.oid IN (${oids.join(', ')}) AND a.grantee <> o.${owner} AND ($1::text IS NULL OR a.privilege_type = $1)`,
    [privilege ?? null],
  )) as { role: string }[];
  return rows.map(({ role }) => role).join(', ');
}

// Appends only through the store: the roles that could write `events` and `tenant_heads` directly (the
// application role, by the owner's default privileges) keep SELECT and may append only by calling
// append_events, which now runs as the owner. Taken from the tables' ACLs rather than from configuration,
// so whatever DB_APP_ROLE a deployment uses, `db:setup` ends in the same state.
export class AppendOnlyLog1795708300000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    // Existing events keep version 1 and verify as before; the default only fills them.
    await queryRunner.query(`ALTER TABLE events ADD COLUMN hash_version smallint NOT NULL DEFAULT 1`);
    await queryRunner.query(`ALTER TABLE events ALTER COLUMN hash_version DROP DEFAULT`);
    await queryRunner.query(
      `ALTER TABLE events ADD CONSTRAINT ck_events_hash_version CHECK (hash_version IN (1, 2))`,
    );

    const writers = await grantees(queryRunner, { tables: ['events'] }, 'INSERT');
    if (!writers) {
      throw new Error(
        'No role may append to events: run db:setup (it grants the application role its rights)',
      );
    }
    const holders = await grantees(queryRunner, { tables: LOG_TABLES });
    await queryRunner.query(`REVOKE ${WRITE_PRIVILEGES} ON ${LOG_TABLES.join(', ')} FROM PUBLIC, ${holders}`);

    await queryRunner.query(appendEvents(2));
    await queryRunner.query(`REVOKE ALL ON FUNCTION ${SIGNATURE} FROM PUBLIC`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION ${SIGNATURE} TO ${writers}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const [{ v2 }] = (await queryRunner.query(
      `SELECT EXISTS (SELECT 1 FROM events WHERE hash_version = 2) AS v2`,
    )) as { v2: boolean }[];
    // Their hashes cannot be re-expressed in version 1: dropping the column would make them unverifiable.
    if (v2) throw new Error('events of hash version 2 exist: this migration cannot be undone');
    const callers = await grantees(queryRunner, { function: SIGNATURE });
    await queryRunner.query(appendEvents(1));
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION ${SIGNATURE} TO PUBLIC`);
    if (callers) {
      await queryRunner.query(`GRANT INSERT, UPDATE, DELETE ON ${LOG_TABLES.join(', ')} TO ${callers}`);
    }
    await queryRunner.query(`ALTER TABLE events DROP COLUMN hash_version`);
  }
}
