import { MigrationInterface, QueryRunner } from 'typeorm';

// Glossary commands look up the terms holding the labels they may take instead of reading every term of
// the city: the living preferred labels as "lang:label" keys, GIN-indexed for `&&`. Existing rows get
// their keys from their labels (stored folded, so lower() is the case folding of labelKey).
export class GlossaryLabelKeys1795710100000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "glossary_term_keys" ADD "label_keys" text array NOT NULL DEFAULT '{}'`,
    );
    await queryRunner.query(
      `UPDATE "glossary_term_keys"
          SET label_keys = ARRAY(SELECT lower(l.key) || ':' || lower(l.value) FROM jsonb_each_text(pref_label) AS l)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_glossary_term_keys_labels" ON "glossary_term_keys" USING gin ("label_keys")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_glossary_term_keys_labels"`);
    await queryRunner.query(`ALTER TABLE "glossary_term_keys" DROP COLUMN "label_keys"`);
  }
}
