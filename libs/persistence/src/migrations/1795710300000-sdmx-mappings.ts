import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation, PUBLIC_READER_ROLE, PUBLISHED_READER_ROLE } from '../rls';

// Indicators' SDMX mappings, read by the SDMX-CSV export through the reader roles while the indicator
// is published (the same policies as published_disclosure_rules).
export class SdmxMappings1795710300000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "published_sdmx_mappings" ("tenant_id" uuid NOT NULL, "indicator_id" uuid NOT NULL, "mapping" jsonb NOT NULL, CONSTRAINT "PK_4f0dc22d0cf45c2955e3299a756" PRIMARY KEY ("tenant_id", "indicator_id"))`,
    );
    await enableTenantIsolation(queryRunner, 'published_sdmx_mappings');
    await queryRunner.query(
      `GRANT SELECT ON "published_sdmx_mappings" TO ${PUBLISHED_READER_ROLE}, ${PUBLIC_READER_ROLE}`,
    );
    await queryRunner.query(
      `CREATE POLICY published_read ON "published_sdmx_mappings" FOR SELECT TO ${PUBLISHED_READER_ROLE}
         USING (published_flags_allow(tenant_id, indicator_id, 'members'))`,
    );
    await queryRunner.query(
      `CREATE POLICY public_read ON "published_sdmx_mappings" FOR SELECT TO ${PUBLIC_READER_ROLE}
         USING (published_flags_allow(tenant_id, indicator_id, 'public'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `REVOKE SELECT ON "published_sdmx_mappings" FROM ${PUBLISHED_READER_ROLE}, ${PUBLIC_READER_ROLE}`,
    );
    await queryRunner.query(`DROP TABLE "published_sdmx_mappings"`);
  }
}
