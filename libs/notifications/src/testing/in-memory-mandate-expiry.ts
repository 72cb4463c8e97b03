import { CityId } from '@rl/kernel';
import { MandateExpiryNotices, OwedExpiryNotice } from '../persistence/mandate-expiry.repository';

// Notices owed and recorded, by `${cityId}/${mandateId}`; recording one settles it, as its key does.
export class InMemoryMandateExpiryNotices implements MandateExpiryNotices {
  readonly pending: OwedExpiryNotice[] = [];
  readonly recorded: string[] = [];

  notifyIfOwed(cityId: CityId, mandateId: string): Promise<void> {
    const at = this.pending.findIndex((n) => n.cityId === cityId && n.mandateId === mandateId);
    if (at >= 0) {
      this.pending.splice(at, 1);
      this.recorded.push(`${cityId}/${mandateId}`);
    }
    return Promise.resolve();
  }

  owed(): Promise<OwedExpiryNotice[]> {
    return Promise.resolve([...this.pending]);
  }
}
