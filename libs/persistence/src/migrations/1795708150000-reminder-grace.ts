import { MigrationInterface, QueryRunner } from 'typeorm';

// When the reminder schedule's assignments were made and its periods' deadlines last set, as recorded
// in the log: reminders scheduled after their deadline get their grace from these, so a rebuild
// schedules them exactly as the live run did. Rows from before have neither: no grace for them.
export class ReminderGrace1795708150000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "reminder_targets" ADD "assigned_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "reminder_deadlines" ADD "set_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "reminder_deadlines" DROP COLUMN "set_at"`);
    await queryRunner.query(`ALTER TABLE "reminder_targets" DROP COLUMN "assigned_at"`);
  }
}
