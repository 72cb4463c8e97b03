import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '../rls';

export class Reporting1795706100000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."assignment_status" AS ENUM('active', 'withdrawn')`);
    await queryRunner.query(
      `CREATE TABLE "assignments" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "indicator_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "period_id" uuid NOT NULL, "status" "public"."assignment_status" NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_7bf428634aa7f3e981a24ad8c7b" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_assignments_period" ON "assignments"  ("tenant_id", "period_id") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."period_granularity" AS ENUM('year', 'quarter', 'month', 'year_span')`,
    );
    await queryRunner.query(
      `CREATE TABLE "periods" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "code" character varying(16) NOT NULL, "granularity" "public"."period_granularity" NOT NULL, "start" date NOT NULL, "end" date NOT NULL, "deadline" TIMESTAMP WITH TIME ZONE NOT NULL, "timezone" character varying(64) NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_d69f54e5e8a37a7915becb8ce67" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "period_codes" ("tenant_id" uuid NOT NULL, "code" character varying(16) NOT NULL, "period_id" uuid NOT NULL, CONSTRAINT "PK_118028cfd4f43f557ba9e70ccd8" PRIMARY KEY ("tenant_id", "code"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "assignment_keys" ("tenant_id" uuid NOT NULL, "indicator_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "period_id" uuid NOT NULL, "assignment_id" uuid NOT NULL, CONSTRAINT "PK_f838a37c876f8f246c79358a3a1" PRIMARY KEY ("tenant_id", "indicator_id", "organisation_id", "period_id"))`,
    );
    for (const table of ['periods', 'assignments', 'period_codes', 'assignment_keys']) {
      await enableTenantIsolation(queryRunner, table);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "assignment_keys"`);
    await queryRunner.query(`DROP TABLE "period_codes"`);
    await queryRunner.query(`DROP TABLE "periods"`);
    await queryRunner.query(`DROP TYPE "public"."period_granularity"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_assignments_period"`);
    await queryRunner.query(`DROP TABLE "assignments"`);
    await queryRunner.query(`DROP TYPE "public"."assignment_status"`);
  }
}
