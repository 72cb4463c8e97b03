import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '../rls';

// Crypto-shredding: per city and person data keys (wrapped), which encrypt the personal fields of new
// events. The submissions read model remembers who wrote its note and return reason, so that an
// erasure can blank them.
export class PersonalData1795708700000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "personal_data_keys" ("tenant_id" uuid NOT NULL, "key_id" uuid NOT NULL, "subject_id" uuid NOT NULL, "wrapped_key" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_personal_data_keys_subject" UNIQUE ("tenant_id", "subject_id"), CONSTRAINT "PK_d739006221469414858138ce67b" PRIMARY KEY ("tenant_id", "key_id"))`,
    );
    await enableTenantIsolation(queryRunner, 'personal_data_keys');
    await queryRunner.query(`ALTER TABLE "submissions" ADD "submitted_by" uuid`);
    await queryRunner.query(`ALTER TABLE "submissions" ADD "returned_by" uuid`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "submissions" DROP COLUMN "returned_by"`);
    await queryRunner.query(`ALTER TABLE "submissions" DROP COLUMN "submitted_by"`);
    await queryRunner.query(`DROP TABLE "personal_data_keys"`);
  }
}
