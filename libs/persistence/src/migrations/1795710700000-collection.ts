import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '../rls';

const TABLES = [
  'collection_connections',
  'collection_connection_secrets',
  'collection_runs',
  'collection_records',
];

// Collection-tool connections (ODK Central, KoboToolbox): their read model, their secrets (encrypted
// credentials, push token hash, pull state), their runs and the exactly-once records of what they ingested.

export class Collection1795710700000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "collection_connections" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "kind" character varying(16) NOT NULL, "server_url" text NOT NULL, "form_id" character varying(140) NOT NULL, "label" character varying(200), "assignment_id" uuid, "indicator_id" uuid NOT NULL, "organisation_id" uuid, "period_id" uuid, "scheduled" boolean NOT NULL, "status" character varying(16) NOT NULL, "created_by" uuid NOT NULL, CONSTRAINT "PK_7a275ecc57a8548a50ebbddaddc" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "collection_connection_secrets" ("tenant_id" uuid NOT NULL, "connection_id" uuid NOT NULL, "credentials" bytea NOT NULL, "push_token_hash" character(64), "high_water" character varying(64), "lease_until" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_cb912fca30636ad8f89dc1af2b8" PRIMARY KEY ("tenant_id", "connection_id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_collection_push_token" ON "collection_connection_secrets"  ("tenant_id", "push_token_hash") `,
    );
    await queryRunner.query(
      `CREATE TABLE "collection_runs" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "connection_id" uuid NOT NULL, "trigger" character varying(16) NOT NULL, "status" character varying(16) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, "created" integer NOT NULL DEFAULT '0', "corrected" integer NOT NULL DEFAULT '0', "ignored" integer NOT NULL DEFAULT '0', "rejected" integer NOT NULL DEFAULT '0', "rejections" jsonb NOT NULL DEFAULT '[]', "payload" jsonb, "error" text, CONSTRAINT "PK_64c4ba9005ebe05d70924b7f9af" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_collection_runs_connection" ON "collection_runs"  ("tenant_id", "connection_id", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "collection_records" ("tenant_id" uuid NOT NULL, "connection_id" uuid NOT NULL, "logical_id" character varying(200) NOT NULL, "edit_id" character varying(200) NOT NULL, "submission_id" uuid, "fingerprint" character(64) NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_563341c3363ac4dec7a4fd2aed6" PRIMARY KEY ("tenant_id", "connection_id", "logical_id"))`,
    );
    for (const table of TABLES) await enableTenantIsolation(queryRunner, table);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "collection_records"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_collection_runs_connection"`);
    await queryRunner.query(`DROP TABLE "collection_runs"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_collection_push_token"`);
    await queryRunner.query(`DROP TABLE "collection_connection_secrets"`);
    await queryRunner.query(`DROP TABLE "collection_connections"`);
  }
}
