import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation, PUBLIC_READER_ROLE } from '../rls';

// Annual reports pinned to the log and their errata. The anonymous reader role sees a report once it is
// published, and the errata of published reports only.
export class Reports1795710500000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "reports" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "year" integer NOT NULL, "title" character varying(200) NOT NULL, "sections" jsonb NOT NULL, "requested_by" uuid NOT NULL, "status" character varying(16) NOT NULL, "position" bigint, "head_hash" character varying(64), "checkpoint" jsonb, "content_hash" character varying(64), "generated_at" TIMESTAMP WITH TIME ZONE, "content" jsonb, "used" jsonb NOT NULL, "error" text, "published" boolean NOT NULL, CONSTRAINT "PK_9f64c9c23c71f5bc5f4a3c00712" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "report_errata" ("tenant_id" uuid NOT NULL, "report_id" uuid NOT NULL, "position" bigint NOT NULL, "indicator_code" character varying(32) NOT NULL, "period" character varying(16) NOT NULL, "key" text NOT NULL, "disaggregation" jsonb NOT NULL, "old_value" double precision, "new_value" double precision, "corrected_at" TIMESTAMP WITH TIME ZONE NOT NULL, "reason" text NOT NULL, CONSTRAINT "PK_afd080cca8956be117fe59fab3d" PRIMARY KEY ("tenant_id", "report_id", "position", "indicator_code", "period", "key"))`,
    );
    for (const table of ['reports', 'report_errata']) {
      await enableTenantIsolation(queryRunner, table);
      await queryRunner.query(`GRANT SELECT ON "${table}" TO ${PUBLIC_READER_ROLE}`);
    }
    await queryRunner.query(
      `CREATE POLICY public_read ON "reports" FOR SELECT TO ${PUBLIC_READER_ROLE} USING (published)`,
    );
    await queryRunner.query(
      `CREATE POLICY public_read ON "report_errata" FOR SELECT TO ${PUBLIC_READER_ROLE}
         USING (EXISTS (SELECT 1 FROM reports r
                         WHERE r.tenant_id = report_errata.tenant_id AND r.id = report_errata.report_id AND r.published))`,
    );
    // A published report shows the words of the public comments it cites, read as the anonymous reader:
    // those columns of public, unretracted comments only.
    await queryRunner.query(
      `GRANT SELECT ("tenant_id", "id", "body", "visibility", "retracted") ON "comments" TO ${PUBLIC_READER_ROLE}`,
    );
    await queryRunner.query(
      `CREATE POLICY report_public_read ON "comments" FOR SELECT TO ${PUBLIC_READER_ROLE} USING (visibility = 'public' AND NOT retracted)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP POLICY report_public_read ON "comments"`);
    await queryRunner.query(
      `REVOKE SELECT ("tenant_id", "id", "body", "visibility", "retracted") ON "comments" FROM ${PUBLIC_READER_ROLE}`,
    );
    for (const table of ['report_errata', 'reports']) {
      await queryRunner.query(`REVOKE SELECT ON "${table}" FROM ${PUBLIC_READER_ROLE}`);
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
  }
}
