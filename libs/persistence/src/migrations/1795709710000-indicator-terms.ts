import { MigrationInterface, QueryRunner } from 'typeorm';

// Indicators link glossary terms; indicators defined before have none.
export class IndicatorTerms1795709710000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "indicators" ADD "terms" jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "indicators" DROP COLUMN "terms"`);
  }
}
