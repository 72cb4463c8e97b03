import { QueryRunner } from 'typeorm';

const TENANT_SETTING = `nullif(current_setting('app.tenant_id', true), '')::uuid`;

// Row-level security for a tenant table: enabled and forced (the owner is subject to it too), with a
// policy on the city setting of the transaction. An unset or empty setting matches no row.
export async function enableTenantIsolation(queryRunner: QueryRunner, table: string): Promise<void> {
  await queryRunner.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
  await queryRunner.query(`ALTER TABLE "${table}" FORCE ROW LEVEL SECURITY`);
  await queryRunner.query(
    `CREATE POLICY tenant_isolation ON "${table}" USING (tenant_id = ${TENANT_SETTING}) WITH CHECK (tenant_id = ${TENANT_SETTING})`,
  );
}

// Roles that read what cities have published, across cities, and nothing else: no privileges on tenant
// tables, and policies of their own on the published tables. The application role may SET ROLE to them
// (membership without inheritance), so a cross-city read never runs with the application's rights.
export const PUBLISHED_READER_ROLE = 'rl_published_reader';
export const PUBLIC_READER_ROLE = 'rl_public_reader';
