import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation, PUBLIC_READER_ROLE, PUBLISHED_READER_ROLE } from '../rls';

const READERS = `${PUBLISHED_READER_ROLE}, ${PUBLIC_READER_ROLE}`;
// The columns a published term shows; proposals, stances and who made them stay inside the city.
const PUBLISHED_COLUMNS = `tenant_id, id, status, content, replaced_by, matches, updated_at`;
// Published: an adopted (or, once adopted, deprecated) term of a city whose glossary is public.
const PUBLISHED_TERM = `status IN ('adopted', 'deprecated') AND EXISTS (
  SELECT 1 FROM glossary_publication p WHERE p.tenant_id = glossary_terms.tenant_id AND p.public)`;

// The participatory SKOS glossary: the terms read model, the keys its commands check against (labels,
// broader links) and whether a city publishes its glossary. Both reader roles see the same: a public
// glossary is open to everyone, so a cross-city match needs no flag of its own.
export class Glossary1795709600000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "glossary_terms" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "status" character varying(16) NOT NULL, "content" jsonb NOT NULL, "revision" integer NOT NULL, "proposals" jsonb NOT NULL, "replaced_by" uuid, "matches" jsonb NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_f39da8f640562e1f86ea7cdb25d" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "glossary_term_keys" ("tenant_id" uuid NOT NULL, "term_id" uuid NOT NULL, "status" character varying(16) NOT NULL, "pref_label" jsonb NOT NULL, "broader" jsonb NOT NULL, CONSTRAINT "PK_5946cefe5ec76db071ae7a908f1" PRIMARY KEY ("tenant_id", "term_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "glossary_publication" ("tenant_id" uuid NOT NULL, "public" boolean NOT NULL, CONSTRAINT "PK_ca1ca9d3d81093169329488083a" PRIMARY KEY ("tenant_id"))`,
    );
    for (const table of ['glossary_terms', 'glossary_term_keys', 'glossary_publication'])
      await enableTenantIsolation(queryRunner, table);

    await queryRunner.query(`GRANT SELECT ON "glossary_publication" TO ${READERS}`);
    await queryRunner.query(`GRANT SELECT (${PUBLISHED_COLUMNS}) ON "glossary_terms" TO ${READERS}`);
    for (const [policy, role] of [
      ['published_read', PUBLISHED_READER_ROLE],
      ['public_read', PUBLIC_READER_ROLE],
    ]) {
      await queryRunner.query(
        `CREATE POLICY ${policy} ON "glossary_publication" FOR SELECT TO ${role} USING (public)`,
      );
      await queryRunner.query(
        `CREATE POLICY ${policy} ON "glossary_terms" FOR SELECT TO ${role} USING (${PUBLISHED_TERM})`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`REVOKE SELECT (${PUBLISHED_COLUMNS}) ON "glossary_terms" FROM ${READERS}`);
    await queryRunner.query(`REVOKE SELECT ON "glossary_publication" FROM ${READERS}`);
    await queryRunner.query(`DROP TABLE "glossary_publication"`);
    await queryRunner.query(`DROP TABLE "glossary_term_keys"`);
    await queryRunner.query(`DROP TABLE "glossary_terms"`);
  }
}
