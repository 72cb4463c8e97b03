import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '../rls';

export class Comments1795706300000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."comment_target_kind" AS ENUM('indicator', 'submission', 'period')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."comment_visibility" AS ENUM('internal', 'public')`);
    await queryRunner.query(
      `CREATE TABLE "comments" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "target_kind" "public"."comment_target_kind" NOT NULL, "target_id" uuid NOT NULL, "parent_id" uuid, "observation" jsonb, "author_id" uuid NOT NULL, "author_role" character varying(32), "author_organisation_id" uuid, "body" text NOT NULL, "visibility" "public"."comment_visibility" NOT NULL, "retracted" boolean NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "edited_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_b69e4b33aca9ced98607dbb1567" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_comments_target" ON "comments"  ("tenant_id", "target_kind", "target_id") `,
    );
    await enableTenantIsolation(queryRunner, 'comments');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_comments_target"`);
    await queryRunner.query(`DROP TABLE "comments"`);
    await queryRunner.query(`DROP TYPE "public"."comment_visibility"`);
    await queryRunner.query(`DROP TYPE "public"."comment_target_kind"`);
  }
}
