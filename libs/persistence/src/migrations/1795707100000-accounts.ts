import { MigrationInterface, QueryRunner } from 'typeorm';

// Pending memberships (offered, not yet accepted), password resets and the outbox of account e-mails.
export class Accounts1795707100000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "memberships" ADD "pending" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "memberships" ADD "invited_name" character varying(200)`);
    await queryRunner.query(
      `CREATE TABLE "password_resets" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_password_resets" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_password_resets_token_hash" ON "password_resets" ("token_hash") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_password_resets_user" ON "password_resets" ("user_id") `);
    await queryRunner.query(
      `ALTER TABLE "password_resets" ADD CONSTRAINT "fk_password_resets_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE TABLE "account_emails" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "kind" character varying(40) NOT NULL, "data" jsonb NOT NULL, "token" text, "status" character varying(12) NOT NULL DEFAULT 'pending', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_account_emails" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_account_emails_pending" ON "account_emails" ("status", "created_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "account_emails" ADD CONSTRAINT "fk_account_emails_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "account_emails"`);
    await queryRunner.query(`DROP TABLE "password_resets"`);
    await queryRunner.query(`ALTER TABLE "memberships" DROP COLUMN "invited_name"`);
    await queryRunner.query(`ALTER TABLE "memberships" DROP COLUMN "pending"`);
  }
}
