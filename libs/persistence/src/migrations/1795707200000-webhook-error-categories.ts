import { MigrationInterface, QueryRunner } from 'typeorm';

// Webhook delivery errors become categories (http_<status>, timeout, refused…): earlier rows held the
// start of the receiver's body or a low-level network message, which is rewritten, and a check keeps
// anything but a short token out. Forced row-level security is lifted for the rewrite (it spans every
// city) and restored within this transaction.
export class WebhookErrorCategories1795707200000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "webhook_deliveries" NO FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(
      `UPDATE "webhook_deliveries" SET "last_error" = CASE
         WHEN "last_error" = 'endpoint removed' THEN 'endpoint_removed'
         WHEN "response_status" IS NOT NULL THEN 'http_' || "response_status"
         ELSE 'network' END
       WHERE "last_error" IS NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE "webhook_deliveries" FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(
      `ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "ck_webhook_deliveries_last_error" CHECK ("last_error" ~ '^[a-z0-9_]{1,40}$')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "webhook_deliveries" DROP CONSTRAINT "ck_webhook_deliveries_last_error"`,
    );
  }
}
