import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { EntityManager } from 'typeorm';
import { RecordedEvent } from '@rl/event-store';
import { CityId } from '@rl/kernel';
import { Reactor, ReactorDefinition } from '@rl/projections';
import { JobPayloads, QueueName } from '@rl/queue';
import { MandateEvent } from '../domain/mandate.events';
import { dayIn, expiryJobId, expiryNoticeAt } from '../domain/mandate-validity';
import { MANDATES_PROJECTION } from '../projections/mandates.projection';

export const MANDATE_EXPIRY_WAKEUPS_REACTOR = 'mandate-expiry-wakeups';

// The alarm clock of mandate expiry notices: once the mandates projection has committed a grant or a new
// validity, enqueues a delayed `mandates.expiring` job for the start of the day 30 days before the last
// valid day in the city's zone (at once when that day has come). The job decides from the mandate's
// stream; its id names the mandate and the last day, so enqueuing twice is harmless and a moved end gets
// its own. Redis may lose the job: the mandate expiry sweep finds every notice owed and not recorded.
@Injectable()
@ReactorDefinition()
export class MandateExpiryWakeupsReactor implements Reactor {
  readonly name = MANDATE_EXPIRY_WAKEUPS_REACTOR;
  readonly follows = MANDATES_PROJECTION;
  readonly handles = ['MandateGranted', 'MandateValidityChanged'];
  // The sweep catches whatever a rebuild would re-schedule.
  readonly afterRebuild = 'skip';

  constructor(@InjectQueue(QueueName.Reminders) private readonly reminders: Queue) {}

  async react(em: EntityManager, cityId: CityId, events: readonly RecordedEvent[]): Promise<void> {
    const ids = [...new Set(events.map((event) => (event as RecordedEvent<MandateEvent>).data.mandateId))];
    const rows = await em.query<{ id: string; validUntil: string; timezone: string }[]>(
      `SELECT m.id, to_char(m.valid_until, 'YYYY-MM-DD') AS "validUntil", c.timezone
         FROM mandates m JOIN cities c ON c.id = m.tenant_id
        WHERE m.tenant_id = $1 AND m.id = ANY($2::uuid[]) AND NOT m.revoked AND m.valid_until IS NOT NULL`,
      [cityId, ids],
    );
    const now = new Date();
    const jobs = rows
      .filter((row) => row.validUntil >= dayIn(now, row.timezone))
      .map((row) => {
        const data: JobPayloads['mandates.expiring'] = { cityId, mandateId: row.id };
        const delay = Math.max(0, expiryNoticeAt(row.validUntil, row.timezone).getTime() - now.getTime());
        return {
          name: 'mandates.expiring',
          data,
          opts: { jobId: expiryJobId(row.id, row.validUntil), delay },
        };
      });
    if (jobs.length > 0) await this.reminders.addBulk(jobs);
  }
}
