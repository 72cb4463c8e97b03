import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '../rls';

export class Indicators1795706000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "indicators" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "code" character varying(32) NOT NULL, "name" jsonb NOT NULL, "description" jsonb, "right" character varying(100) NOT NULL, "ohchr_attribute" character varying(200), "type" character varying(16) NOT NULL, "unit" character varying(100) NOT NULL, "direction" character varying(16) NOT NULL, "disaggregations" jsonb NOT NULL, "framework_refs" jsonb NOT NULL, "methodology" text, "source" text, "baseline" jsonb, "target" jsonb, "status" character varying(16) NOT NULL, "series" integer NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_032f30ad3b1fa53378615bce4f9" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "indicator_codes" ("tenant_id" uuid NOT NULL, "code" character varying(32) NOT NULL, "indicator_id" uuid NOT NULL, CONSTRAINT "PK_850581182287b601500b63d5d8d" PRIMARY KEY ("tenant_id", "code"))`,
    );
    await enableTenantIsolation(queryRunner, 'indicators');
    await enableTenantIsolation(queryRunner, 'indicator_codes');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "indicator_codes"`);
    await queryRunner.query(`DROP TABLE "indicators"`);
  }
}
