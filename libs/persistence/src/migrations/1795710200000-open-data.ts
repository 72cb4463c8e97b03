import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation, PUBLIC_READER_ROLE, PUBLISHED_READER_ROLE } from '../rls';

const OBSERVATION_COLUMNS = `"tenant_id" uuid NOT NULL, "indicator_id" uuid NOT NULL, "period" character varying(16) NOT NULL, "key" text NOT NULL, "disaggregation" jsonb NOT NULL, "value" double precision NOT NULL, "status" character varying(16) NOT NULL, "definition_version" integer NOT NULL, "series" integer NOT NULL, "source" text`;
const PUBLISHED = ['published_observations', 'published_disclosure_rules'];

// Shown to a reader role only while the indicator's flags (written with the event) allow it, as for
// published_values: a withdrawal hides the rows at once, and no flags row means nothing is served. A
// function rather than a subquery in the policies, so that publication_flags stays free to be rebuilt
// (its own migration's down and up) without these policies depending on it.
const FLAGS_ALLOW = `CREATE FUNCTION published_flags_allow(tenant uuid, indicator uuid, audience text) RETURNS boolean
  LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM publication_flags f
                    WHERE f.tenant_id = tenant AND f.indicator_id = indicator
                      AND (f.public OR (audience = 'members' AND f.comparable)))
  $$`;

// Open data: every validated cell of every indicator (tenant-private), the cells of published
// indicators and their small-number rules (shared, read through the reader roles).
export class OpenData1795710200000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "open_data_periods" ("tenant_id" uuid NOT NULL, "period_id" uuid NOT NULL, "code" character varying(16) NOT NULL, CONSTRAINT "PK_bbf94a82389c38f16a5ae40a622" PRIMARY KEY ("tenant_id", "period_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "open_data_submissions" ("tenant_id" uuid NOT NULL, "submission_id" uuid NOT NULL, "definition_version" integer NOT NULL, "source" text, CONSTRAINT "PK_b2e0f74cbc5d415a99b56bd9906" PRIMARY KEY ("tenant_id", "submission_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "open_data_indicators" ("tenant_id" uuid NOT NULL, "indicator_id" uuid NOT NULL, "comparable" boolean NOT NULL, "public" boolean NOT NULL, "retired" boolean NOT NULL, CONSTRAINT "PK_c9f4e1b00a348d30356e9091082" PRIMARY KEY ("tenant_id", "indicator_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "open_data_observations" (${OBSERVATION_COLUMNS}, CONSTRAINT "PK_caa1c82ae6618720603463b9613" PRIMARY KEY ("tenant_id", "indicator_id", "period", "key"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "published_observations" (${OBSERVATION_COLUMNS}, "comparable" boolean NOT NULL, "public" boolean NOT NULL, CONSTRAINT "PK_b5c6f2f81a740868f2fd3d92649" PRIMARY KEY ("tenant_id", "indicator_id", "period", "key"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "published_disclosure_rules" ("tenant_id" uuid NOT NULL, "indicator_id" uuid NOT NULL, "min_count" integer NOT NULL, "secondary" boolean NOT NULL, CONSTRAINT "PK_339da79e516b64e489ea41e50ed" PRIMARY KEY ("tenant_id", "indicator_id"))`,
    );
    await queryRunner.query(FLAGS_ALLOW);
    for (const table of [
      'open_data_periods',
      'open_data_submissions',
      'open_data_indicators',
      'open_data_observations',
      ...PUBLISHED,
    ])
      await enableTenantIsolation(queryRunner, table);
    for (const table of PUBLISHED) {
      await queryRunner.query(
        `GRANT SELECT ON "${table}" TO ${PUBLISHED_READER_ROLE}, ${PUBLIC_READER_ROLE}`,
      );
      const own = table === 'published_observations';
      await queryRunner.query(
        `CREATE POLICY published_read ON "${table}" FOR SELECT TO ${PUBLISHED_READER_ROLE}
           USING (${own ? '(comparable OR public) AND ' : ''}published_flags_allow(tenant_id, indicator_id, 'members'))`,
      );
      await queryRunner.query(
        `CREATE POLICY public_read ON "${table}" FOR SELECT TO ${PUBLIC_READER_ROLE}
           USING (${own ? 'public AND ' : ''}published_flags_allow(tenant_id, indicator_id, 'public'))`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of PUBLISHED)
      await queryRunner.query(
        `REVOKE SELECT ON "${table}" FROM ${PUBLISHED_READER_ROLE}, ${PUBLIC_READER_ROLE}`,
      );
    for (const table of [
      ...PUBLISHED,
      'open_data_observations',
      'open_data_indicators',
      'open_data_submissions',
      'open_data_periods',
    ])
      await queryRunner.query(`DROP TABLE "${table}"`);
    await queryRunner.query(`DROP FUNCTION published_flags_allow(uuid, uuid, text)`);
  }
}
