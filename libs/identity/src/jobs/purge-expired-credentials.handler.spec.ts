import { asCityId, CityId } from '@rl/kernel';
import { ExpiredCredentials } from '../persistence/expired-credentials.repository';
import { PurgeExpiredCredentialsHandler } from './purge-expired-credentials.handler';

const DAY = 86_400_000;
const cities = [
  asCityId('0192f0aa-0000-7000-8000-0000000000c1'),
  asCityId('0192f0aa-0000-7000-8000-0000000000c2'),
];

// Remembers the instant each purge was asked for and deletes one row each time.
class RecordingPurge implements ExpiredCredentials {
  readonly asked: [string, number][] = [];

  async deleteRefreshTokensExpiredBefore(instant: Date) {
    return this.ask('refresh tokens', instant);
  }
  async deletePasswordResetsExpiredBefore(instant: Date) {
    return this.ask('password resets', instant);
  }
  async deleteAccountEmailsSentBefore(instant: Date) {
    return this.ask('account e-mails', instant);
  }
  async cityIds(): Promise<CityId[]> {
    return cities;
  }
  async deleteInvitationsExpiredBefore(cityId: CityId, instant: Date) {
    return this.ask(`invitations of ${cityId}`, instant);
  }

  private ask(what: string, instant: Date): number {
    this.asked.push([what, instant.getTime()]);
    return 1;
  }
}

describe('PurgeExpiredCredentialsHandler', () => {
  it('keeps refresh tokens a day past expiry and sent e-mails a week, and purges every city’s invitations', async () => {
    const now = Date.parse('2026-12-03T03:00:00Z');
    jest.useFakeTimers({ now });
    const purge = new RecordingPurge();
    await new PurgeExpiredCredentialsHandler(purge).handle();
    jest.useRealTimers();
    expect(purge.asked).toEqual([
      ['refresh tokens', now - DAY],
      ['password resets', now],
      ['account e-mails', now - 7 * DAY],
      [`invitations of ${cities[0]}`, now],
      [`invitations of ${cities[1]}`, now],
    ]);
  });
});
