import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '../rls';

// Mandates of organisations for their members: the read model of the mandates projection. Not published:
// no reader role sees it.
export class Mandates1795709800000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "mandates" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "organisation_id" uuid NOT NULL, "holder_user_id" uuid NOT NULL, "scope" jsonb NOT NULL, "valid_from" date NOT NULL, "valid_until" date, "signed_by_name" text NOT NULL, "signed_by_function" text NOT NULL, "document_ref" text, "revoked" boolean NOT NULL, "revoked_reason" text, "revoked_by" uuid, CONSTRAINT "PK_9693b77d94366eadb90bff758f4" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_mandates_holder" ON "mandates"  ("tenant_id", "holder_user_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_mandates_organisation" ON "mandates"  ("tenant_id", "organisation_id", "id") `,
    );
    await enableTenantIsolation(queryRunner, 'mandates');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "mandates"`);
  }
}
