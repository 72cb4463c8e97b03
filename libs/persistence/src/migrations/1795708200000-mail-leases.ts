import { MigrationInterface, QueryRunner } from 'typeorm';

// E-mail outboxes (notices, account e-mails) are sent under a lease instead of a row lock held across the
// SMTP conversation, and a failed send is retried with a growing backoff recorded here, until the row is
// too old and is marked failed.
export class MailLeases1795708200000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['notices', 'account_emails']) {
      await queryRunner.query(`ALTER TABLE "${table}" ADD "attempts" integer NOT NULL DEFAULT 0`);
      await queryRunner.query(`ALTER TABLE "${table}" ADD "retry_at" TIMESTAMP WITH TIME ZONE`);
      await queryRunner.query(`ALTER TABLE "${table}" ADD "claimed_by" uuid`);
      await queryRunner.query(`ALTER TABLE "${table}" ADD "lease_until" TIMESTAMP WITH TIME ZONE`);
    }
    await queryRunner.query(`ALTER TABLE "account_emails" ADD "error" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "account_emails" DROP COLUMN "error"`);
    for (const table of ['account_emails', 'notices']) {
      for (const column of ['lease_until', 'claimed_by', 'retry_at', 'attempts']) {
        await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "${column}"`);
      }
    }
  }
}
