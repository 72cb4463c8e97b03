import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation, PUBLIC_READER_ROLE, PUBLISHED_READER_ROLE } from '../rls';

const FLAGGED_TABLES = ['published_indicators', 'published_values'];

// What each reader role may see of a published row: the row's own flags (the publication projection's
// view) and, from now on, the indicator's flags as last set (publication_flags, written with the event):
// a withdrawal hides the row at once, before the projection or any recomputation has caught up, and an
// indicator with no flags row is not served at all (fail closed).
const flaggedFor = (table: string, audience: 'members' | 'public') =>
  `EXISTS (SELECT 1 FROM publication_flags f
            WHERE f.tenant_id = "${table}".tenant_id AND f.indicator_id = "${table}".indicator_id
              AND ${audience === 'public' ? 'f.public' : '(f.comparable OR f.public)'})`;

export class PublicationFlags1795708600000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "publication_flags" ("tenant_id" uuid NOT NULL, "indicator_id" uuid NOT NULL, "comparable" boolean NOT NULL, "public" boolean NOT NULL, CONSTRAINT "PK_5a4db20344f65f4aa828a3227cd" PRIMARY KEY ("tenant_id", "indicator_id"))`,
    );
    await enableTenantIsolation(queryRunner, 'publication_flags');
    await queryRunner.query(
      `GRANT SELECT ON "publication_flags" TO ${PUBLISHED_READER_ROLE}, ${PUBLIC_READER_ROLE}`,
    );
    await queryRunner.query(
      `CREATE POLICY published_read ON "publication_flags" FOR SELECT TO ${PUBLISHED_READER_ROLE} USING (comparable OR public)`,
    );
    await queryRunner.query(
      `CREATE POLICY public_read ON "publication_flags" FOR SELECT TO ${PUBLIC_READER_ROLE} USING (public)`,
    );
    await this.backfill(queryRunner);
    for (const table of FLAGGED_TABLES) {
      await queryRunner.query(`DROP POLICY published_read ON "${table}"`);
      await queryRunner.query(`DROP POLICY public_read ON "${table}"`);
      await queryRunner.query(
        `CREATE POLICY published_read ON "${table}" FOR SELECT TO ${PUBLISHED_READER_ROLE}
           USING ((comparable OR public) AND ${flaggedFor(table, 'members')})`,
      );
      await queryRunner.query(
        `CREATE POLICY public_read ON "${table}" FOR SELECT TO ${PUBLIC_READER_ROLE}
           USING (public AND ${flaggedFor(table, 'public')})`,
      );
    }
  }

  // Every indicator's flags from its last PublicationChanged in the log (the truth, even where the
  // publication projection lags), so that what was published before the upgrade stays published. The
  // events are read city by city: row-level security applies to the owner as well.
  private async backfill(queryRunner: QueryRunner): Promise<void> {
    const cities = (await queryRunner.query(`SELECT id FROM cities`)) as { id: string }[];
    for (const { id } of cities) {
      await queryRunner.query(`SELECT set_config('app.tenant_id', $1, true)`, [id]);
      await queryRunner.query(
        `INSERT INTO publication_flags (tenant_id, indicator_id, comparable, public)
         SELECT DISTINCT ON (data->>'indicatorId') tenant_id, (data->>'indicatorId')::uuid,
                (data->>'comparable')::boolean, (data->>'public')::boolean
           FROM events WHERE tenant_id = $1 AND type = 'PublicationChanged'
          ORDER BY data->>'indicatorId', position DESC`,
        [id],
      );
    }
    await queryRunner.query(`SELECT set_config('app.tenant_id', '', true)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of FLAGGED_TABLES) {
      await queryRunner.query(`DROP POLICY published_read ON "${table}"`);
      await queryRunner.query(`DROP POLICY public_read ON "${table}"`);
      await queryRunner.query(
        `CREATE POLICY published_read ON "${table}" FOR SELECT TO ${PUBLISHED_READER_ROLE} USING (comparable OR public)`,
      );
      await queryRunner.query(
        `CREATE POLICY public_read ON "${table}" FOR SELECT TO ${PUBLIC_READER_ROLE} USING (public)`,
      );
    }
    await queryRunner.query(
      `REVOKE SELECT ON "publication_flags" FROM ${PUBLISHED_READER_ROLE}, ${PUBLIC_READER_ROLE}`,
    );
    await queryRunner.query(`DROP TABLE "publication_flags"`);
  }
}
