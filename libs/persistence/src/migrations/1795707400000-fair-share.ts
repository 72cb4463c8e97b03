import { MigrationInterface, QueryRunner } from 'typeorm';

// Indexes on the sort keys of paginated lists, so each page is an index range scan (keyset pagination).
export class FairShare1795707400000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_organisations_name" ON "organisations" ("tenant_id", "name", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_indicators_code" ON "indicators" ("tenant_id", "code", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_periods_start" ON "periods" ("tenant_id", "start", "end", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_webhook_deliveries_created" ON "webhook_deliveries" ("tenant_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_comments_created" ON "comments" ("tenant_id", "created_at", "id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_comments_parent" ON "comments" ("tenant_id", "parent_id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_comments_parent"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_comments_created"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_webhook_deliveries_created"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_periods_start"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_indicators_code"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_organisations_name"`);
  }
}
