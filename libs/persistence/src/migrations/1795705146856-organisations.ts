import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '../rls';

export class Organisations1795705146856 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."organisation_kind" AS ENUM('local_authority', 'cso', 'academic', 'service_provider', 'other')`,
    );
    await queryRunner.query(
      `CREATE TABLE "organisations" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "name" character varying(200) NOT NULL, "kind" "public"."organisation_kind" NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_b89de0aaa2f992adc68ceb68b8f" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await enableTenantIsolation(queryRunner, 'organisations');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "organisations"`);
    await queryRunner.query(`DROP TYPE "public"."organisation_kind"`);
  }
}
