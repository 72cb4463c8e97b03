import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '../rls';

// Explicit follows of indicators (the glossary-notices projection's read model): who is told in-app when
// a glossary term an indicator links changes.
export class IndicatorFollows1795710110000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "indicator_follows" ("tenant_id" uuid NOT NULL, "indicator_id" uuid NOT NULL, "user_id" uuid NOT NULL, "followed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_29475fdf1ac402307796b092b99" PRIMARY KEY ("tenant_id", "indicator_id", "user_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_indicator_follows_user" ON "indicator_follows" ("tenant_id", "user_id", "indicator_id") `,
    );
    await enableTenantIsolation(queryRunner, 'indicator_follows');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "indicator_follows"`);
  }
}
