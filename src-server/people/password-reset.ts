// Password reset by an e-mailed one-time link: the token is random (256 bits), stored only as its
// SHA-256, expires after PASSWORD_RESET_MINUTES and works once. The link carries it in the URL
// fragment, which browsers never send to a server or in a Referer.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { hashApiKey } from '../access/api-keys';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';
import {
  emailLocale,
  renderEmail,
  type Brand,
  type EmailLocale,
} from '../notifications/email/email-layout';
import type { Mailer } from '../notifications/email/mailer';
import type { PeopleConfig } from './people-config';
import { endAllSessions } from './sessions';
import { clearAccountFailures, accountKey } from './sign-in-throttle';
import { setPassword } from './users';

/** At most this many reset mails per account per hour: the form cannot be used to flood a mailbox. */
const MAX_RESETS_PER_HOUR = 5;

export interface ResetMail {
  mailer: Mailer;
  brand: Brand;
}

const COPY: Record<
  EmailLocale,
  (
    name: string,
    minutes: number,
  ) => { subject: string; paragraphs: string[]; closing: string; label: string }
> = {
  en: (name, minutes) => ({
    subject: 'Reset your back-office password',
    paragraphs: [
      `Hello ${name},`,
      `Someone asked to reset the password of your back-office account. Open the link below within ${minutes} minutes to choose a new one. The link works once.`,
      'If you did not ask for this, ignore this e-mail: your password stays as it is.',
    ],
    label: 'Reset link',
    closing: 'Kind regards,',
  }),
  nl: (name, minutes) => ({
    subject: 'Stel je back-office-wachtwoord opnieuw in',
    paragraphs: [
      `Hallo ${name},`,
      `Er is gevraagd het wachtwoord van je back-office-account opnieuw in te stellen. Open de link hieronder binnen ${minutes} minuten om een nieuw wachtwoord te kiezen. De link werkt één keer.`,
      'Heb je dit niet gevraagd? Negeer deze e-mail dan: je wachtwoord blijft zoals het is.',
    ],
    label: 'Link',
    closing: 'Met vriendelijke groet,',
  }),
  de: (name, minutes) => ({
    subject: 'Setzen Sie Ihr Backoffice-Passwort zurück',
    paragraphs: [
      `Hallo ${name},`,
      `Jemand hat angefordert, das Passwort Ihres Backoffice-Kontos zurückzusetzen. Öffnen Sie den Link unten innerhalb von ${minutes} Minuten, um ein neues Passwort zu wählen. Der Link funktioniert einmal.`,
      'Wenn Sie das nicht angefordert haben, ignorieren Sie diese E-Mail: Ihr Passwort bleibt unverändert.',
    ],
    label: 'Link zum Zurücksetzen',
    closing: 'Viele Grüße',
  }),
  fr: (name, minutes) => ({
    subject: 'Réinitialisez votre mot de passe du back-office',
    paragraphs: [
      `Bonjour ${name},`,
      `Quelqu’un a demandé la réinitialisation du mot de passe de votre compte back-office. Ouvrez le lien ci-dessous dans les ${minutes} minutes pour en choisir un nouveau. Le lien ne fonctionne qu’une fois.`,
      'Si vous n’êtes pas à l’origine de cette demande, ignorez cet e-mail : votre mot de passe reste inchangé.',
    ],
    label: 'Lien de réinitialisation',
    closing: 'Cordialement,',
  }),
};

/**
 * Creates a token for an active account with this e-mail and mails its link. Answers nothing
 * either way, so the form does not tell who has an account; the mail is sent after the answer.
 */
export async function requestPasswordReset(
  db: Kysely<Database>,
  email: string,
  config: PeopleConfig,
  mail: ResetMail,
  onSendError: (err: unknown) => void,
): Promise<void> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'locale'])
    .where('email', '=', email)
    .where('active', '=', true)
    .executeTakeFirst();
  if (!user) return;
  const recent = await db
    .selectFrom('password_reset_tokens')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', user.id)
    .where('created_at', '>', new Date(Date.now() - 3_600_000))
    .executeTakeFirstOrThrow();
  if (Number(recent.n) >= MAX_RESETS_PER_HOUR) return;
  const token = randomBytes(32).toString('base64url');
  await db
    .insertInto('password_reset_tokens')
    .values({
      token_hash: hashApiKey(token),
      user_id: user.id,
      expires_at: new Date(Date.now() + config.resetTokenMinutes * 60_000),
    })
    .execute();
  const link = `${config.publicUrl}/reset-password#token=${token}`;
  const locale: EmailLocale = emailLocale(user.locale);
  const copy = COPY[locale](user.name, config.resetTokenMinutes);
  const body = {
    subject: copy.subject,
    heading: copy.subject,
    paragraphs: copy.paragraphs,
    facts: [{ label: copy.label, value: link, href: link }],
    closing: copy.closing,
  };
  const { html, text } = renderEmail(mail.brand, locale, body);
  void mail.mailer
    .send({
      to: [user.email],
      subject: copy.subject,
      text,
      html,
      messageId: `<password-reset.${randomBytes(8).toString('hex')}@packing-oms>`,
      headers: { 'Content-Language': locale, 'X-OMS-Mail-Type': 'password-reset' },
      fileStem: `${new Date().toISOString().replace(/[-:.]/g, '')}-password-reset-${user.id}`,
    })
    .catch(onSendError);
}

/**
 * Spends a token: sets the new password, ends every session and clears a lock. Answers the user
 * id; refuses an unknown, used or expired token with 400 (which of them is not said).
 */
export async function completePasswordReset(
  db: Kysely<Database>,
  token: string,
  password: string,
): Promise<string> {
  const spent = await db
    .updateTable('password_reset_tokens')
    .set({ used_at: new Date() })
    .where('token_hash', '=', hashApiKey(token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date())
    .returning('user_id')
    .executeTakeFirst();
  const user = spent
    ? await db
        .selectFrom('users')
        .select(['id', 'email'])
        .where('id', '=', spent.user_id)
        .where('active', '=', true)
        .executeTakeFirst()
    : undefined;
  if (!user)
    throw new ApiError(
      400,
      'invalid_reset_token',
      'This reset link is unknown, used or expired. Ask for a new one.',
      'token',
    );
  await setPassword(db, user.id, password);
  // Every other link sent for this account stops working too.
  await db
    .updateTable('password_reset_tokens')
    .set({ used_at: new Date() })
    .where('user_id', '=', user.id)
    .where('used_at', 'is', null)
    .execute();
  await endAllSessions(db, user.id);
  await clearAccountFailures(db, accountKey(user.email));
  return user.id;
}
