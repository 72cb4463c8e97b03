import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '../rls';

// Meetings (agenda, attendance, minutes, decisions as one row each), and comments made in a meeting.
export class Meetings1795709900000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "meetings" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "title" character varying(200) NOT NULL, "kind" character varying(16) NOT NULL, "status" character varying(16) NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "place" character varying(300), "online" character varying(2000), "agenda" jsonb NOT NULL, "period_id" uuid, "indicator_ids" jsonb NOT NULL, "invited_organisation_ids" jsonb NOT NULL, "invited_user_ids" jsonb NOT NULL, "attendees" jsonb NOT NULL, "organisation_ids" jsonb NOT NULL, "minutes" jsonb NOT NULL, "decisions" jsonb NOT NULL, "cancel_reason" text, CONSTRAINT "PK_d4e93a4d8d5ed127b9fbff9ab20" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_meetings_starts_at" ON "meetings" ("tenant_id", "starts_at", "id") `,
    );
    await enableTenantIsolation(queryRunner, 'meetings');
    await queryRunner.query(`ALTER TABLE "comments" ADD "meeting_id" uuid`);
    await queryRunner.query(`CREATE INDEX "IDX_comments_meeting" ON "comments" ("tenant_id", "meeting_id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_comments_meeting"`);
    await queryRunner.query(`ALTER TABLE "comments" DROP COLUMN "meeting_id"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_meetings_starts_at"`);
    await queryRunner.query(`DROP TABLE "meetings"`);
  }
}
