import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '../rls';

// The resources read model: what organisations offer (material, financial, knowledge), listed by
// title. Members only: no published reader sees it.
export class Resources1795709950000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "resources" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "kind" character varying(16) NOT NULL, "title" character varying(200) NOT NULL, "description" text, "offered_by" uuid NOT NULL, "availability" jsonb, "amount" jsonb, "contact_role" character varying(100), "links" jsonb NOT NULL, "status" character varying(16) NOT NULL, CONSTRAINT "PK_399b36b7bfaa0365a663143fba7" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_resources_title" ON "resources" ("tenant_id", "title", "id") `,
    );
    await enableTenantIsolation(queryRunner, 'resources');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "resources"`);
  }
}
