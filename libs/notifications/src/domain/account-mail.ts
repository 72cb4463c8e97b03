import { NoticeRecipient, RenderedMessage } from './notice';
import { renderLetter } from './render-notice';

export type AccountMailKind = 'account.invitation' | 'account.membership-offered' | 'account.password-reset';

export interface AccountMail {
  kind: AccountMailKind;
  data: { cityName?: string; role?: string; expiresAt?: string };
  // One-time token for its addressee only; null for a mail that carries none.
  token: string | null;
}

const utc = (instant: string | undefined) => (instant ? `${instant.slice(0, 16).replace('T', ' ')} UTC` : '');

// Links carry the token in the fragment: browsers never send it to a server or in a Referer header.
export function renderAccountMail(
  mail: AccountMail,
  recipient: NoticeRecipient,
  appUrl: string,
): RenderedMessage {
  const { cityName = 'A city', role = 'member', expiresAt } = mail.data;
  const token = mail.token ?? '';
  switch (mail.kind) {
    case 'account.invitation':
      return renderLetter(
        recipient,
        `${cityName} invites you to Rights Ledger`,
        [
          `${cityName} invites you to take part in its human-rights monitoring as ${role}.`,
          'To accept, choose your password: open the link below, or send this token with your new password ' +
            'to POST /v1/auth/accept-invite:',
          token,
          `The invitation expires at ${utc(expiresAt)}. If you did not expect it, ignore this e-mail.`,
        ],
        `${appUrl}/accept-invite#token=${token}`,
      );
    case 'account.membership-offered':
      return renderLetter(
        recipient,
        `${cityName} offers you a membership on Rights Ledger`,
        [
          `${cityName} offers you a membership as ${role}.`,
          'Log in to accept or decline it (GET /v1/me/invitations). If your account has no password yet, ' +
            'ask for a password reset with this e-mail address first.',
        ],
        `${appUrl}/invitations`,
      );
    case 'account.password-reset':
      return renderLetter(
        recipient,
        'Reset your Rights Ledger password',
        [
          'Someone asked to reset the password of your Rights Ledger account.',
          'Open the link below, or send this token with your new password to POST /v1/auth/password-reset/confirm:',
          token,
          `It works once, until ${utc(expiresAt)}, and a new password ends every session of the account. ` +
            'If you did not ask for it, ignore this e-mail: your password stays as it is.',
        ],
        `${appUrl}/reset-password#token=${token}`,
      );
  }
}
