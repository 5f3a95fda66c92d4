import type en from './en';

export default {
  title: 'Anmelden',
  email: 'E-Mail-Adresse',
  emailInvalid: 'Geben Sie eine E-Mail-Adresse ein.',
  password: 'Passwort',
  submit: 'Anmelden',
  forgot: 'Passwort vergessen?',
  failed: 'E-Mail-Adresse oder Passwort ist falsch.',
  locked:
    'Dieses Konto ist nach zu vielen fehlgeschlagenen Anmeldungen bis {{time}} gesperrt. Versuchen Sie es dann erneut oder setzen Sie das Passwort zurück.',
  tooMany:
    'Zu viele fehlgeschlagene Anmeldungen von diesem Computer. Warten Sie eine Viertelstunde.',
  resetTitle: 'Passwort zurücksetzen',
  resetExplain:
    'Geben Sie die E-Mail-Adresse Ihres Kontos ein. Wir senden Ihnen einen Link, mit dem Sie ein neues Passwort wählen.',
  resetSubmit: 'Link senden',
  resetSent:
    'Wenn zu dieser Adresse ein Konto gehört, ist ein Link unterwegs. Er funktioniert einmal und eine Stunde lang.',
  backToSignIn: 'Zurück zur Anmeldung',
  newPasswordTitle: 'Neues Passwort wählen',
  newPassword: 'Neues Passwort',
  repeatPassword: 'Neues Passwort wiederholen',
  passwordHint: 'Mindestens {{count}} Zeichen.',
  passwordTooShort: 'Verwenden Sie mindestens {{count}} Zeichen.',
  passwordsDiffer: 'Die beiden Passwörter sind verschieden.',
  newPasswordSubmit: 'Passwort festlegen',
  newPasswordSet: 'Ihr Passwort ist festgelegt. Melden Sie sich damit an.',
  linkInvalid: 'Dieser Link ist unbekannt, verwendet oder abgelaufen. Fordern Sie einen neuen an.',
  askNewLink: 'Neuen Link anfordern',
} satisfies typeof en;
