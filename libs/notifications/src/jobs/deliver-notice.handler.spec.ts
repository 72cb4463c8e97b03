import { NoticeClaim, PendingNotice } from '../persistence/notice-mails.repository';
import { InMemoryNoticeMails, RecordingMailer } from '../testing/in-memory-mail';
import { InMemoryScheduleHead } from '../testing/in-memory-reminders';
import { DeliverNoticeHandler } from './deliver-notice.handler';

const job = { cityId: '0192f0aa-0000-7000-8000-0000000000c1', noticeId: 'n1' };
const notice = (id: string, digest: boolean): PendingNotice => ({
  id,
  kind: 'comment.posted',
  data: { citySlug: 'ghent', cityName: 'Ghent', link: 'https://app.example.org/x', authorName: 'Bo' },
  digest,
  recipientId: 'ana',
  createdAt: new Date('2025-03-01T10:00:00Z'),
});
const person = { email: 'ana@example.org', name: 'Ana', locale: 'en', timezone: 'Europe/Brussels' };

const deliver = async (claimed: NoticeClaim) => {
  const notices = new InMemoryNoticeMails(claimed);
  const mailer = new RecordingMailer();
  const head = new InMemoryScheduleHead();
  await new DeliverNoticeHandler(notices, mailer, head).handle(job);
  return { notices, mailer, head };
};

describe('DeliverNoticeHandler', () => {
  it('sends one notice under its own Message-ID, after bringing the schedule to the head', async () => {
    const { notices, mailer, head } = await deliver({
      outcome: 'claimed',
      notice: notice('n1', false),
      batch: [notice('n1', false)],
      person,
    });
    expect(head.reached).toBe(1);
    expect(mailer.sent).toEqual([
      expect.objectContaining({
        to: 'ana@example.org',
        messageId: '<n1@rights-ledger>',
        kind: 'comment.posted',
      }),
    ]);
    expect(notices.sent).toEqual([['n1']]);
  });

  it('sends a digest as one e-mail for the whole batch', async () => {
    const batch = [notice('n1', true), notice('n2', true)];
    const { notices, mailer } = await deliver({ outcome: 'claimed', notice: batch[0], batch, person });
    expect(mailer.sent).toEqual([
      expect.objectContaining({ messageId: '<n1@rights-ledger>', kind: 'digest' }),
    ]);
    expect(notices.sent).toEqual([['n1', 'n2']]);
  });

  it('sends nothing when nothing of the notice is owed now, and retries one not visible yet', async () => {
    expect((await deliver({ outcome: 'nothing' })).mailer.sent).toEqual([]);
    await expect(deliver({ outcome: 'not_visible' })).rejects.toThrow('not visible yet');
  });
});
