import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '../rls';

const TENANT_TABLES = [
  'notices',
  'notice_follows',
  'calendar_tokens',
  'reminders',
  'reminder_policies',
  'reminder_targets',
  'reminder_deadlines',
  'webhook_endpoints',
  'webhook_deliveries',
];

export class Notifications1795706500000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."notice_channel" AS ENUM('email', 'in_app')`);
    await queryRunner.query(
      `CREATE TYPE "public"."notice_status" AS ENUM('pending', 'sent', 'skipped', 'failed')`,
    );
    await queryRunner.query(
      `CREATE TABLE "notices" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "key" character varying(200) NOT NULL, "recipient_id" uuid NOT NULL, "channel" "public"."notice_channel" NOT NULL, "kind" character varying(40) NOT NULL, "data" jsonb NOT NULL, "assignment_id" uuid, "digest" boolean NOT NULL DEFAULT false, "send_after" TIMESTAMP WITH TIME ZONE NOT NULL, "status" "public"."notice_status" NOT NULL, "error" text, "sent_at" TIMESTAMP WITH TIME ZONE, "read_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_notices_key" UNIQUE ("tenant_id", "key", "recipient_id", "channel"), CONSTRAINT "PK_67cae242061ff2144a8520d2f1b" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_notices_inbox" ON "notices"  ("recipient_id", "channel", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_notices_pending" ON "notices"  ("tenant_id", "status", "send_after") `,
    );
    await queryRunner.query(
      `CREATE TABLE "notice_follows" ("tenant_id" uuid NOT NULL, "target_id" uuid NOT NULL, "user_id" uuid NOT NULL, CONSTRAINT "PK_072122865dde6f2e316e4c8481c" PRIMARY KEY ("tenant_id", "target_id", "user_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "notification_preferences" ("user_id" uuid NOT NULL, "email" boolean NOT NULL DEFAULT true, "in_app" boolean NOT NULL DEFAULT true, "digest" boolean NOT NULL DEFAULT false, "timezone" character varying(64), CONSTRAINT "PK_64c90edc7310c6be7c10c96f675" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "calendar_tokens" ("tenant_id" uuid NOT NULL, "user_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, CONSTRAINT "UQ_calendar_tokens_hash" UNIQUE ("tenant_id", "token_hash"), CONSTRAINT "PK_a9e4ee87709df7fd2d4194b7ef3" PRIMARY KEY ("tenant_id", "user_id"))`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."reminder_status" AS ENUM('pending', 'sent', 'skipped', 'cancelled')`,
    );
    await queryRunner.query(
      `CREATE TABLE "reminders" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "assignment_id" uuid NOT NULL, "deadline" TIMESTAMP WITH TIME ZONE NOT NULL, "offset_key" character varying(48) NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "escalate" boolean NOT NULL, "status" "public"."reminder_status" NOT NULL, "outcome" character varying(64), "settled_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_reminders_key" UNIQUE ("tenant_id", "assignment_id", "deadline", "offset_key"), CONSTRAINT "PK_c5d78851b3faf0ccbc5ee9e9c89" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_reminders_due" ON "reminders"  ("tenant_id", "status", "due_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "reminder_policies" ("tenant_id" uuid NOT NULL, "offsets" jsonb NOT NULL, "quiet_hours" jsonb, "version" integer NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_f90c2bc21fe1ce50985dcaa7f52" PRIMARY KEY ("tenant_id"))`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."reminder_target_state" AS ENUM('open', 'submitted', 'returned', 'validated', 'withdrawn')`,
    );
    await queryRunner.query(
      `CREATE TABLE "reminder_targets" ("tenant_id" uuid NOT NULL, "assignment_id" uuid NOT NULL, "indicator_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "period_id" uuid NOT NULL, "state" "public"."reminder_target_state" NOT NULL, "submission_id" uuid, CONSTRAINT "PK_9831648a4017f5353edcb00c8aa" PRIMARY KEY ("tenant_id", "assignment_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_reminder_targets_work" ON "reminder_targets"  ("tenant_id", "indicator_id", "period_id", "organisation_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_reminder_targets_period" ON "reminder_targets"  ("tenant_id", "period_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "reminder_deadlines" ("tenant_id" uuid NOT NULL, "period_id" uuid NOT NULL, "code" character varying(16) NOT NULL, "deadline" TIMESTAMP WITH TIME ZONE NOT NULL, "timezone" character varying(64) NOT NULL, CONSTRAINT "PK_f54c1eca310c919b74ea2700886" PRIMARY KEY ("tenant_id", "period_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "webhook_endpoints" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "url" character varying(2000) NOT NULL, "secret" character varying(100) NOT NULL, "events" text array NOT NULL, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_aaf5edad648c95c8e7060aebfba" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."webhook_delivery_status" AS ENUM('pending', 'delivered', 'dead')`,
    );
    await queryRunner.query(
      `CREATE TABLE "webhook_deliveries" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "endpoint_id" uuid NOT NULL, "key" character varying(200) NOT NULL, "event" character varying(40) NOT NULL, "payload" jsonb NOT NULL, "status" "public"."webhook_delivery_status" NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "response_status" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "delivered_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_webhook_deliveries_key" UNIQUE ("tenant_id", "endpoint_id", "key"), CONSTRAINT "PK_b41a9153894afa48ae2cccd8dec" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_webhook_deliveries_status" ON "webhook_deliveries"  ("tenant_id", "status", "created_at") `,
    );
    for (const table of TENANT_TABLES) await enableTenantIsolation(queryRunner, table);
    // A person's inbox spans their cities: they read and mark their own notices without a city setting.
    const me = `recipient_id = nullif(current_setting('app.user_id', true), '')::uuid`;
    await queryRunner.query(`CREATE POLICY own_notices_read ON "notices" FOR SELECT USING (${me})`);
    await queryRunner.query(
      `CREATE POLICY own_notices_mark ON "notices" FOR UPDATE USING (${me}) WITH CHECK (${me})`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_webhook_deliveries_status"`);
    await queryRunner.query(`DROP TABLE "webhook_deliveries"`);
    await queryRunner.query(`DROP TYPE "public"."webhook_delivery_status"`);
    await queryRunner.query(`DROP TABLE "webhook_endpoints"`);
    await queryRunner.query(`DROP TABLE "reminder_deadlines"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_reminder_targets_period"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_reminder_targets_work"`);
    await queryRunner.query(`DROP TABLE "reminder_targets"`);
    await queryRunner.query(`DROP TYPE "public"."reminder_target_state"`);
    await queryRunner.query(`DROP TABLE "reminder_policies"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_reminders_due"`);
    await queryRunner.query(`DROP TABLE "reminders"`);
    await queryRunner.query(`DROP TYPE "public"."reminder_status"`);
    await queryRunner.query(`DROP TABLE "calendar_tokens"`);
    await queryRunner.query(`DROP TABLE "notification_preferences"`);
    await queryRunner.query(`DROP TABLE "notice_follows"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_notices_pending"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_notices_inbox"`);
    await queryRunner.query(`DROP TABLE "notices"`);
    await queryRunner.query(`DROP TYPE "public"."notice_status"`);
    await queryRunner.query(`DROP TYPE "public"."notice_channel"`);
  }
}
