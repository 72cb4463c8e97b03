import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '../rls';

// Tasks: their read model, and the deadline engine's own view of them (reminder_tasks). A reminder is
// now owed for an assignment or for a task: exactly one of its two ids is set, each unique per
// (deadline, offset) as before. A task reminder's notices name the task, checked when the e-mail goes out.
export class Tasks1795709850000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "tasks" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "title" character varying(200) NOT NULL, "description" text, "status" character varying(16) NOT NULL, "assignee_organisation_id" uuid, "assignee_user_id" uuid, "due" TIMESTAMP WITH TIME ZONE NOT NULL, "timezone" character varying(64) NOT NULL, "links" jsonb NOT NULL, CONSTRAINT "PK_dfb75fc41a01bbbfe7a8ea10a5f" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_tasks_due" ON "tasks" ("tenant_id", "due", "id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_tasks_organisation_due" ON "tasks" ("tenant_id", "assignee_organisation_id", "due", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "reminder_tasks" ("tenant_id" uuid NOT NULL, "task_id" uuid NOT NULL, "organisation_id" uuid, "user_id" uuid, "status" character varying(16) NOT NULL, "due" TIMESTAMP WITH TIME ZONE NOT NULL, "timezone" character varying(64) NOT NULL, "set_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_b4124958a669f693104a39078b6" PRIMARY KEY ("tenant_id", "task_id"))`,
    );
    for (const table of ['tasks', 'reminder_tasks']) await enableTenantIsolation(queryRunner, table);
    await queryRunner.query(`ALTER TABLE "reminders" ALTER COLUMN "assignment_id" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "reminders" ADD "task_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "reminders" ADD CONSTRAINT "UQ_reminders_task_key" UNIQUE ("tenant_id", "task_id", "deadline", "offset_key")`,
    );
    await queryRunner.query(
      `ALTER TABLE "reminders" ADD CONSTRAINT "CHK_reminders_subject" CHECK (("assignment_id" IS NULL) <> ("task_id" IS NULL))`,
    );
    await queryRunner.query(`ALTER TABLE "notices" ADD "task_id" uuid`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notices" DROP COLUMN "task_id"`);
    await queryRunner.query(`DELETE FROM "reminders" WHERE "task_id" IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "reminders" DROP CONSTRAINT "CHK_reminders_subject"`);
    await queryRunner.query(`ALTER TABLE "reminders" DROP CONSTRAINT "UQ_reminders_task_key"`);
    await queryRunner.query(`ALTER TABLE "reminders" DROP COLUMN "task_id"`);
    await queryRunner.query(`ALTER TABLE "reminders" ALTER COLUMN "assignment_id" SET NOT NULL`);
    await queryRunner.query(`DROP TABLE "reminder_tasks"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_tasks_organisation_due"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_tasks_due"`);
    await queryRunner.query(`DROP TABLE "tasks"`);
  }
}
