import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '../rls';

export class Submissions1795706200000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "open_submissions" ("tenant_id" uuid NOT NULL, "indicator_id" uuid NOT NULL, "period_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "submission_id" uuid NOT NULL, CONSTRAINT "PK_a0972f44bc51adf5d08ce372aed" PRIMARY KEY ("tenant_id", "indicator_id", "period_id", "organisation_id"))`,
    );
    // One enum shared by the submissions and series read models.
    await queryRunner.query(
      `CREATE TYPE "public"."submission_status" AS ENUM('submitted', 'validated', 'returned')`,
    );
    await queryRunner.query(
      `CREATE TABLE "submissions" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "indicator_id" uuid NOT NULL, "period_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "status" "public"."submission_status" NOT NULL, "late" boolean NOT NULL, "observations" jsonb NOT NULL, "definition_version" integer NOT NULL, "series" integer NOT NULL, "source" text, "note" text, "return_reason" text, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_5f18ef6b11ab10498a01611ceaa" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_submissions_indicator_period" ON "submissions"  ("tenant_id", "indicator_id", "period_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "series" ("tenant_id" uuid NOT NULL, "indicator_id" uuid NOT NULL, "period_id" uuid NOT NULL, "disaggregation_key" text NOT NULL, "disaggregation" jsonb NOT NULL, "submission_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "status" "public"."submission_status" NOT NULL, "submitted_value" double precision, "submitted_observation_status" character varying(16), "validated_value" double precision, "validated_observation_status" character varying(16), "late" boolean NOT NULL, "series" integer NOT NULL, "outlier" jsonb, "position" bigint NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_143ccab432ae8fc18643a39eea8" PRIMARY KEY ("tenant_id", "indicator_id", "period_id", "disaggregation_key"))`,
    );
    for (const table of ['open_submissions', 'submissions', 'series']) {
      await enableTenantIsolation(queryRunner, table);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "series"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_submissions_indicator_period"`);
    await queryRunner.query(`DROP TABLE "submissions"`);
    await queryRunner.query(`DROP TYPE "public"."submission_status"`);
    await queryRunner.query(`DROP TABLE "open_submissions"`);
  }
}
