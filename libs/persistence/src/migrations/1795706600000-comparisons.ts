import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation, PUBLIC_READER_ROLE, PUBLISHED_READER_ROLE } from '../rls';

const TENANT_TABLES = [
  'published_indicators',
  'published_values',
  'published_population',
  'publication_indicators',
  'publication_periods',
  'publication_values',
  'publication_population',
];
const PUBLISHED_TABLES = ['published_indicators', 'published_values', 'published_population'];

export class Comparisons1795706600000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "comparison_results" ("audience" character varying(8) NOT NULL, "framework" character varying(16) NOT NULL, "code" character varying(100) NOT NULL, "definitions" jsonb NOT NULL, "values" jsonb NOT NULL, "population" jsonb NOT NULL, "rows" jsonb NOT NULL, "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_a3dac4829bc4bd810fd2c00127d" PRIMARY KEY ("audience", "framework", "code"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "comparison_dirty" ("framework" character varying(16) NOT NULL, "code" character varying(100) NOT NULL, "since" TIMESTAMP WITH TIME ZONE NOT NULL, "changed_by" xid8 NOT NULL DEFAULT pg_current_xact_id(), CONSTRAINT "PK_comparison_dirty" PRIMARY KEY ("framework", "code"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "published_indicators" ("tenant_id" uuid NOT NULL, "indicator_id" uuid NOT NULL, "framework" character varying(16) NOT NULL, "code" character varying(100) NOT NULL, "city_slug" character varying(63) NOT NULL, "city_name" character varying(200) NOT NULL, "definition" jsonb NOT NULL, "comparable" boolean NOT NULL, "public" boolean NOT NULL, CONSTRAINT "PK_06d9d08bc9d4372fc5d6c9c5377" PRIMARY KEY ("tenant_id", "indicator_id", "framework", "code"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_published_indicators_ref" ON "published_indicators"  ("framework", "code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "published_values" ("tenant_id" uuid NOT NULL, "indicator_id" uuid NOT NULL, "period" character varying(16) NOT NULL, "granularity" character varying(16) NOT NULL, "year" integer NOT NULL, "value" double precision NOT NULL, "status" character varying(16) NOT NULL, "series" integer NOT NULL, "comparable" boolean NOT NULL, "public" boolean NOT NULL, CONSTRAINT "PK_23cdce1fd08cae253f8df77949e" PRIMARY KEY ("tenant_id", "indicator_id", "period"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "published_population" ("tenant_id" uuid NOT NULL, "year" integer NOT NULL, "total" double precision NOT NULL, "districts" jsonb, CONSTRAINT "PK_8714e62f10b8d4cf7cbe48cbe56" PRIMARY KEY ("tenant_id", "year"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "publication_indicators" ("tenant_id" uuid NOT NULL, "indicator_id" uuid NOT NULL, "definition" jsonb NOT NULL, "framework_refs" text array NOT NULL, "retired" boolean NOT NULL, "comparable" boolean NOT NULL DEFAULT false, "public" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_5186d01d22cbbf9c1e2d0fb5d21" PRIMARY KEY ("tenant_id", "indicator_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "publication_periods" ("tenant_id" uuid NOT NULL, "period_id" uuid NOT NULL, "code" character varying(16) NOT NULL, "granularity" character varying(16) NOT NULL, "year" integer NOT NULL, CONSTRAINT "PK_bd629a78369288257988f6390de" PRIMARY KEY ("tenant_id", "period_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "publication_values" ("tenant_id" uuid NOT NULL, "indicator_id" uuid NOT NULL, "period_id" uuid NOT NULL, "value" double precision NOT NULL, "status" character varying(16) NOT NULL, "series" integer NOT NULL, CONSTRAINT "PK_5b2618fdadc0e5e3815f23bf823" PRIMARY KEY ("tenant_id", "indicator_id", "period_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "publication_population" ("tenant_id" uuid NOT NULL, "year" integer NOT NULL, "total" double precision NOT NULL, "districts" jsonb, CONSTRAINT "PK_844be679e18f0d352d9ef5506a4" PRIMARY KEY ("tenant_id", "year"))`,
    );
    for (const table of TENANT_TABLES) await enableTenantIsolation(queryRunner, table);
    // The reader roles (created by the bootstrap) read published rows of every city and nothing else.
    await queryRunner.query(
      `GRANT USAGE ON SCHEMA public TO ${PUBLISHED_READER_ROLE}, ${PUBLIC_READER_ROLE}`,
    );
    for (const table of PUBLISHED_TABLES) {
      await queryRunner.query(
        `GRANT SELECT ON "${table}" TO ${PUBLISHED_READER_ROLE}, ${PUBLIC_READER_ROLE}`,
      );
    }
    for (const table of ['published_indicators', 'published_values']) {
      await queryRunner.query(
        `CREATE POLICY published_read ON "${table}" FOR SELECT TO ${PUBLISHED_READER_ROLE} USING (comparable OR public)`,
      );
      await queryRunner.query(
        `CREATE POLICY public_read ON "${table}" FOR SELECT TO ${PUBLIC_READER_ROLE} USING (public)`,
      );
    }
    await queryRunner.query(
      `CREATE POLICY published_read ON "published_population" FOR SELECT TO ${PUBLISHED_READER_ROLE} USING (true)`,
    );
    // Anonymous readers see a city's population only once the city has made something public.
    await queryRunner.query(
      `CREATE POLICY public_read ON "published_population" FOR SELECT TO ${PUBLIC_READER_ROLE}
         USING (EXISTS (SELECT 1 FROM published_indicators i WHERE i.tenant_id = published_population.tenant_id))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of PUBLISHED_TABLES) {
      await queryRunner.query(
        `REVOKE SELECT ON "${table}" FROM ${PUBLISHED_READER_ROLE}, ${PUBLIC_READER_ROLE}`,
      );
    }
    await queryRunner.query(`DROP TABLE "publication_population"`);
    await queryRunner.query(`DROP TABLE "publication_values"`);
    await queryRunner.query(`DROP TABLE "publication_periods"`);
    await queryRunner.query(`DROP TABLE "publication_indicators"`);
    await queryRunner.query(`DROP TABLE "published_population"`);
    await queryRunner.query(`DROP TABLE "published_values"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_published_indicators_ref"`);
    await queryRunner.query(`DROP TABLE "published_indicators"`);
    await queryRunner.query(`DROP TABLE "comparison_dirty"`);
    await queryRunner.query(`DROP TABLE "comparison_results"`);
  }
}
