import type en from './en';

export default {
  title: 'Aanmelden',
  email: 'E-mailadres',
  emailInvalid: 'Vul een e-mailadres in.',
  password: 'Wachtwoord',
  submit: 'Aanmelden',
  forgot: 'Wachtwoord vergeten?',
  failed: 'Het e-mailadres of het wachtwoord klopt niet.',
  locked:
    'Dit account is geblokkeerd na te veel mislukte aanmeldingen, tot {{time}}. Probeer het dan opnieuw, of stel het wachtwoord opnieuw in.',
  tooMany: 'Te veel mislukte aanmeldingen vanaf deze computer. Wacht een kwartier.',
  resetTitle: 'Wachtwoord opnieuw instellen',
  resetExplain:
    'Vul het e-mailadres van je account in. We sturen je een link om een nieuw wachtwoord te kiezen.',
  resetSubmit: 'Link versturen',
  resetSent:
    'Als dit adres een account heeft, is er een link onderweg. Hij werkt één keer en een uur lang.',
  backToSignIn: 'Terug naar aanmelden',
  newPasswordTitle: 'Kies een nieuw wachtwoord',
  newPassword: 'Nieuw wachtwoord',
  repeatPassword: 'Herhaal het nieuwe wachtwoord',
  passwordHint: 'Minstens {{count}} tekens.',
  passwordTooShort: 'Gebruik minstens {{count}} tekens.',
  passwordsDiffer: 'De twee wachtwoorden verschillen.',
  newPasswordSubmit: 'Wachtwoord instellen',
  newPasswordSet: 'Je wachtwoord is ingesteld. Meld je ermee aan.',
  linkInvalid: 'Deze link is onbekend, gebruikt of verlopen. Vraag een nieuwe aan.',
  askNewLink: 'Vraag een nieuwe link aan',
} satisfies typeof en;
