import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation, PUBLIC_READER_ROLE, PUBLISHED_READER_ROLE } from '../rls';

const READERS = `${PUBLISHED_READER_ROLE}, ${PUBLIC_READER_ROLE}`;
const TABLES = ['budget_lines', 'budget_calls', 'funded_projects', 'budget_line_codes', 'budget_publication'];
// Published: a line its city made public (the flag written with its event), and what hangs on it.
const publishedLine = (table: string, column: string) => `EXISTS (SELECT 1 FROM budget_publication p
  WHERE p.tenant_id = "${table}".tenant_id AND p.line_id = "${table}".${column} AND p.public)`;
const PUBLISHED: [string, string][] = [
  ['budget_lines', 'id'],
  ['budget_calls', 'budget_line_id'],
  ['funded_projects', 'budget_line_id'],
];

// Budget lines, calls for proposals and funded projects: the read models, the code reservations and the
// publication flags. Both reader roles see the same: a published budget is open to everyone.
export class Budget1795710050000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "budget_lines" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "code" character varying(40) NOT NULL, "title" character varying(200) NOT NULL, "year" integer NOT NULL, "amount" double precision NOT NULL, "currency" character varying(3) NOT NULL, "indicators" jsonb NOT NULL, "committed" double precision NOT NULL, "public" boolean NOT NULL, CONSTRAINT "PK_ff3238c7904cb1806b9d03ceb73" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_budget_lines_year_code" ON "budget_lines"  ("tenant_id", "year", "code", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "budget_calls" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "budget_line_id" uuid NOT NULL, "title" character varying(200) NOT NULL, "opens" TIMESTAMP WITH TIME ZONE NOT NULL, "closes" TIMESTAMP WITH TIME ZONE NOT NULL, "criteria" jsonb NOT NULL, CONSTRAINT "PK_fe34de76d2de34b82cddd968b8b" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_budget_calls_line" ON "budget_calls"  ("tenant_id", "budget_line_id", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "funded_projects" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "call_id" uuid NOT NULL, "budget_line_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "title" character varying(200) NOT NULL, "amount" double precision NOT NULL, "currency" character varying(3) NOT NULL, "contributions" jsonb NOT NULL, CONSTRAINT "PK_f3ea585b66a61db9271ad65b8ae" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_funded_projects_call" ON "funded_projects"  ("tenant_id", "call_id", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "budget_line_codes" ("tenant_id" uuid NOT NULL, "year" integer NOT NULL, "code" character varying(40) NOT NULL, "line_id" uuid NOT NULL, CONSTRAINT "PK_bb3302f5e2d24629f838852dcde" PRIMARY KEY ("tenant_id", "year", "code"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "budget_publication" ("tenant_id" uuid NOT NULL, "line_id" uuid NOT NULL, "public" boolean NOT NULL, CONSTRAINT "PK_80afdce8ef0e14cc17a3a13f7e3" PRIMARY KEY ("tenant_id", "line_id"))`,
    );
    for (const table of TABLES) await enableTenantIsolation(queryRunner, table);

    await queryRunner.query(`GRANT SELECT ON "budget_publication" TO ${READERS}`);
    for (const [table] of PUBLISHED) await queryRunner.query(`GRANT SELECT ON "${table}" TO ${READERS}`);
    for (const [policy, role] of [
      ['published_read', PUBLISHED_READER_ROLE],
      ['public_read', PUBLIC_READER_ROLE],
    ]) {
      await queryRunner.query(
        `CREATE POLICY ${policy} ON "budget_publication" FOR SELECT TO ${role} USING (public)`,
      );
      for (const [table, column] of PUBLISHED)
        await queryRunner.query(
          `CREATE POLICY ${policy} ON "${table}" FOR SELECT TO ${role} USING (${publishedLine(table, column)})`,
        );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table] of PUBLISHED) await queryRunner.query(`REVOKE SELECT ON "${table}" FROM ${READERS}`);
    await queryRunner.query(`REVOKE SELECT ON "budget_publication" FROM ${READERS}`);
    await queryRunner.query(`DROP TABLE "budget_publication"`);
    await queryRunner.query(`DROP TABLE "budget_line_codes"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_funded_projects_call"`);
    await queryRunner.query(`DROP TABLE "funded_projects"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_budget_calls_line"`);
    await queryRunner.query(`DROP TABLE "budget_calls"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_budget_lines_year_code"`);
    await queryRunner.query(`DROP TABLE "budget_lines"`);
  }
}
