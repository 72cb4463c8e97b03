import { loadConfig } from '@rl/config';
import { InMemoryAccountMails, RecordingMailer } from '../testing/in-memory-mail';
import { DeliverAccountEmailHandler } from './deliver-account-email.handler';

const emailId = '0192f0aa-0000-7000-8000-0000000e0001';
const invitation = {
  id: emailId,
  kind: 'account.invitation' as const,
  data: { cityName: 'Ghent', role: 'collector' },
  token: 'one-time-token',
  email: 'ana@example.org',
  name: 'Ana',
  locale: null,
};

const setUp = () => {
  const mails = new InMemoryAccountMails().given(invitation);
  const mailer = new RecordingMailer();
  const config = loadConfig({ APP_URL: 'https://app.example.org' });
  return { mails, mailer, handler: new DeliverAccountEmailHandler(mails, mailer, config) };
};

describe('DeliverAccountEmailHandler', () => {
  it('sends the e-mail once, under a Message-ID of its own, and erases its token', async () => {
    const { mails, mailer, handler } = setUp();
    await handler.handle({ emailId });
    await handler.handle({ emailId });
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]).toMatchObject({
      to: 'ana@example.org',
      messageId: `<${emailId}@rights-ledger>`,
      kind: 'account.invitation',
    });
    // In English when the person chose no language; the link carries the token in its fragment.
    expect(mailer.sent[0].text).toContain('https://app.example.org/');
    expect(mailer.sent[0].text).toContain('#');
    expect(mails.rows.get(emailId)).toMatchObject({ status: 'sent', token: null });
  });

  it('keeps the e-mail and its token for a later attempt when the server refuses', async () => {
    const { mails, mailer, handler } = setUp();
    mailer.failing = true;
    await handler.handle({ emailId });
    expect(mails.rows.get(emailId)).toMatchObject({ status: 'pending', token: 'one-time-token' });
  });

  it('retries an e-mail not visible yet (its transaction may not have committed)', async () => {
    const { handler } = setUp();
    await expect(handler.handle({ emailId: '0192f0aa-0000-7000-8000-0000000e0002' })).rejects.toThrow(
      'not visible yet',
    );
  });
});
