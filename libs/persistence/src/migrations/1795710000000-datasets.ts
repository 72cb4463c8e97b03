import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation, PUBLIC_READER_ROLE, PUBLISHED_READER_ROLE } from '../rls';

const READERS = `${PUBLISHED_READER_ROLE}, ${PUBLIC_READER_ROLE}`;
// What a public catalogue entry shows (DCAT-AP); its assessments stay inside the city.
const PUBLISHED_COLUMNS = `tenant_id, id, kind, title, description, owner, sector, licence, update_frequency,
  access_url, format, personal_data, temporal_from, temporal_to, spatial_coverage, indicators, public, issued,
  modified, created_at, updated_at`;

// The city's catalogue of datasets and data-collection tools, and their quality assessments. The reader
// roles see the entries a city marked public, for its DCAT-AP catalogue.
export class Datasets1795710000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "datasets" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "kind" character varying(20) NOT NULL, "title" character varying(300) NOT NULL, "description" text NOT NULL, "owner" uuid NOT NULL, "sector" character varying(16) NOT NULL, "licence" character varying(100) NOT NULL, "update_frequency" character varying(20) NOT NULL, "access_url" text, "format" character varying(20), "personal_data" boolean NOT NULL, "temporal_from" date, "temporal_to" date, "spatial_coverage" jsonb, "indicators" jsonb NOT NULL, "public" boolean NOT NULL, "issued" date, "modified" date, "latest_assessment_id" uuid, "assessments" integer NOT NULL, CONSTRAINT "PK_1ecaa4f884ab8475a35056d1238" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_datasets_title" ON "datasets"  ("tenant_id", "title", "id") `);
    await queryRunner.query(
      `CREATE TABLE "dataset_assessments" ("tenant_id" uuid NOT NULL, "dataset_id" uuid NOT NULL, "id" uuid NOT NULL, "assessed_by" uuid, "assessor_role" character varying(20), "assessed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "relevance" integer NOT NULL, "relevance_note" text, "accuracy" integer NOT NULL, "accuracy_note" text, "timeliness" integer NOT NULL, "timeliness_note" text, "accessibility" integer NOT NULL, "accessibility_note" text, "comparability" integer NOT NULL, "comparability_note" text, "verdict" character varying(16) NOT NULL, "summary" text, CONSTRAINT "PK_6716ebb76471e8c04b3b081f65c" PRIMARY KEY ("tenant_id", "dataset_id", "id"))`,
    );
    for (const table of ['datasets', 'dataset_assessments']) await enableTenantIsolation(queryRunner, table);

    await queryRunner.query(`GRANT SELECT (${PUBLISHED_COLUMNS}) ON "datasets" TO ${READERS}`);
    for (const [policy, role] of [
      ['published_read', PUBLISHED_READER_ROLE],
      ['public_read', PUBLIC_READER_ROLE],
    ])
      await queryRunner.query(`CREATE POLICY ${policy} ON "datasets" FOR SELECT TO ${role} USING (public)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`REVOKE SELECT (${PUBLISHED_COLUMNS}) ON "datasets" FROM ${READERS}`);
    await queryRunner.query(`DROP TABLE "dataset_assessments"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_datasets_title"`);
    await queryRunner.query(`DROP TABLE "datasets"`);
  }
}
