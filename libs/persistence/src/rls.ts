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
