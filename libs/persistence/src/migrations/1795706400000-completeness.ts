import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '../rls';

export class Completeness1795706400000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    // The primary key starts with (tenant_id, period_id), which is how the read model is queried.
    await queryRunner.query(
      `CREATE TABLE "completeness" ("tenant_id" uuid NOT NULL, "period_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "indicator_id" uuid NOT NULL, "assigned" boolean NOT NULL, "assignment_id" uuid, "assignment_version" integer NOT NULL, "submission_id" uuid, "submission_version" integer NOT NULL, "submitted" boolean NOT NULL, "validated" boolean NOT NULL, "returned" boolean NOT NULL, "submitted_late" boolean NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_6d8e4e21fefa89c59987d01c49a" PRIMARY KEY ("tenant_id", "period_id", "organisation_id", "indicator_id"))`,
    );
    await enableTenantIsolation(queryRunner, 'completeness');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "completeness"`);
  }
}
