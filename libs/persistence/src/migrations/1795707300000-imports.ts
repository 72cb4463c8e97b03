import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '../rls';

export class Imports1795707300000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."import_status" AS ENUM('queued', 'running', 'done', 'rejected')`,
    );
    await queryRunner.query(
      `CREATE TABLE "imports" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "indicator_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "created_by" uuid NOT NULL, "file_name" character varying(255) NOT NULL, "file_size" integer NOT NULL, "content" bytea, "request" jsonb NOT NULL, "status" "public"."import_status" NOT NULL, "attempts" smallint NOT NULL DEFAULT '0', "rows_read" integer NOT NULL DEFAULT '0', "percent" smallint NOT NULL DEFAULT '0', "report" jsonb, "error" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_imports" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_imports_pending" ON "imports" ("tenant_id", "status") `);
    await enableTenantIsolation(queryRunner, 'imports');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_imports_pending"`);
    await queryRunner.query(`DROP TABLE "imports"`);
    await queryRunner.query(`DROP TYPE "public"."import_status"`);
  }
}
