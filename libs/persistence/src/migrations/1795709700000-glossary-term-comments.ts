import { MigrationInterface, QueryRunner } from 'typeorm';

// Comments can be about a glossary term (its proposals are discussed in the existing threads).
export class GlossaryTermComments1795709700000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TYPE "public"."comment_target_kind" ADD VALUE 'glossary-term'`);
  }

  // Postgres cannot drop an enum value: the type is rebuilt without it. The rows about terms go with it
  // (a read model; their events stay in the log).
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "comments" WHERE "target_kind" = 'glossary-term'`);
    await queryRunner.query(`DROP INDEX "public"."IDX_comments_target"`);
    await queryRunner.query(`ALTER TYPE "public"."comment_target_kind" RENAME TO "comment_target_kind_old"`);
    await queryRunner.query(
      `CREATE TYPE "public"."comment_target_kind" AS ENUM('indicator', 'submission', 'period')`,
    );
    await queryRunner.query(
      `ALTER TABLE "comments" ALTER COLUMN "target_kind" TYPE "public"."comment_target_kind" USING "target_kind"::text::"public"."comment_target_kind"`,
    );
    await queryRunner.query(`DROP TYPE "public"."comment_target_kind_old"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_comments_target" ON "comments"  ("tenant_id", "target_kind", "target_id") `,
    );
  }
}
