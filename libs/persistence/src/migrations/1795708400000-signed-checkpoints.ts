import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '../rls';

// Signed checkpoints of each city's head, and every public key that ever signed one. Both are
// append-only like the log: a checkpoint is evidence, and a replaced public key would let a forged
// checkpoint verify.
export class SignedCheckpoints1795708400000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_checkpoints (
        tenant_id uuid NOT NULL REFERENCES cities (id),
        id uuid NOT NULL,
        position bigint NOT NULL CHECK (position >= 0),
        head_hash char(64) NOT NULL,
        signed_at timestamptz NOT NULL,
        key_id varchar(64) NOT NULL,
        signature text NOT NULL,
        PRIMARY KEY (tenant_id, id)
      )`);
    // Newest first (the list and the sweep's "last checkpoint of the city").
    await queryRunner.query(
      `CREATE INDEX ix_audit_checkpoints_signed ON audit_checkpoints (tenant_id, signed_at DESC, id DESC)`,
    );
    await enableTenantIsolation(queryRunner, 'audit_checkpoints');
    await queryRunner.query(`
      CREATE TABLE signing_keys (
        key_id varchar(64) PRIMARY KEY,
        algorithm varchar(16) NOT NULL DEFAULT 'Ed25519',
        public_key text NOT NULL,
        first_used_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE FUNCTION refuse_evidence_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION USING ERRCODE = 'RL403', MESSAGE = TG_TABLE_NAME || ' is append-only: ' || TG_OP || ' refused';
      END $$`);
    for (const table of ['audit_checkpoints', 'signing_keys']) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_evidence_change()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION refuse_evidence_change()`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE signing_keys`);
    await queryRunner.query(`DROP TABLE audit_checkpoints`);
    await queryRunner.query(`DROP FUNCTION refuse_evidence_change()`);
  }
}
