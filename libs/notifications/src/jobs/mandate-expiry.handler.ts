import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@rl/config';
import { asCityId } from '@rl/kernel';
import { HandlesJob, JobHandlerOf, JobPayloads } from '@rl/queue';
import { MandateExpiryNotices } from '../persistence/mandate-expiry.repository';

// A mandate ending within 30 days: one in-app notice to each coordinator of the city, under the key
// `mandate-expiring:<mandateId>:<validUntil>` (exactly once per mandate and last day). Woken by the
// mandate-expiry-wakeups reactor's delayed job; nothing is owed for a mandate revoked or extended since.
@Injectable()
@HandlesJob('mandates.expiring')
export class MandateExpiryHandler implements JobHandlerOf<'mandates.expiring'> {
  constructor(
    private readonly notices: MandateExpiryNotices,
    private readonly config: AppConfig,
  ) {}

  async handle({ cityId, mandateId }: JobPayloads['mandates.expiring']): Promise<void> {
    await this.notices.notifyIfOwed(asCityId(cityId), mandateId, this.config.notifications.appUrl);
  }
}

// The path that catches what Redis lost: every notice owed and not recorded is decided now.
@Injectable()
export class MandateExpirySweep {
  private readonly logger = new Logger('MandateExpirySweep');

  constructor(
    private readonly notices: MandateExpiryNotices,
    private readonly handler: MandateExpiryHandler,
  ) {}

  async sweep(): Promise<number> {
    const owed = await this.notices.owed();
    for (const job of owed) await this.handler.handle(job);
    if (owed.length > 0) this.logger.log({ count: owed.length }, 'Mandate expiry notices caught up');
    return owed.length;
  }
}
