// The words of the self-service page in German (formal "Sie", as the subscription e-mails).
import type { PageCopy } from './self-service-copy';

export const de: PageCopy = {
  title: (ref) => `Ihr Abonnement ${ref}`,
  hello: (name) => `Guten Tag ${name}, hier können Sie Ihr Abonnement ändern.`,
  state: {
    active: 'Ihr Abonnement ist aktiv.',
    paused: 'Ihr Abonnement ist pausiert, bis Sie es fortsetzen.',
    pausedUntil: (d) => `Ihr Abonnement ist bis ${d} pausiert.`,
    cancelled: 'Ihr Abonnement ist gekündigt.',
    expired: 'Ihr Abonnement ist abgelaufen.',
  },
  nextDelivery: 'Nächste Lieferung',
  changesUntil: (d) =>
    `Änderungen bis einschließlich ${d} gelten für diese Lieferung, spätere für die darauf folgende.`,
  waitingForStock:
    'Für diese Lieferung warten wir auf Ware. Es wurde noch nichts abgebucht. Unten können Sie ein Produkt tauschen.',
  items: 'Das erhalten Sie',
  each: 'pro Stück',
  skip: { title: 'Nächste Lieferung überspringen', button: 'Diese Lieferung überspringen' },
  move: {
    title: 'Nächste Lieferung verschieben',
    label: 'Neues Datum',
    button: 'Lieferung verschieben',
  },
  pause: {
    title: 'Pausieren',
    label: 'Pausieren bis (leer lassen, um bis zur Fortsetzung zu pausieren)',
    button: 'Abonnement pausieren',
  },
  resume: { title: 'Fortsetzen', button: 'Abonnement fortsetzen' },
  quantity: { label: (name) => `Menge von ${name}`, button: 'Menge ändern' },
  swap: { label: (name) => `${name} tauschen gegen`, button: 'Produkt tauschen' },
  productTitle: 'Produkte',
  address: {
    title: 'Lieferadresse',
    name: 'Name',
    line1: 'Straße und Hausnummer',
    line2: 'Adresszusatz (optional)',
    postalCode: 'Postleitzahl',
    city: 'Ort',
    country: 'Ländercode (z. B. DE)',
    button: 'Adresse speichern',
  },
  cancel: {
    title: 'Kündigen',
    confirm: 'Ja, ich möchte mein Abonnement kündigen',
    reason: 'Grund (optional)',
    button: 'Abonnement kündigen',
  },
  done: {
    skipped: 'Erledigt: Die nächste Lieferung wird übersprungen.',
    paused: 'Erledigt: Ihr Abonnement ist pausiert.',
    resumed: 'Erledigt: Ihr Abonnement ist wieder aktiv.',
    cancelled: 'Erledigt: Ihr Abonnement ist gekündigt.',
    date_changed: 'Erledigt: Die Lieferung wurde verschoben.',
    quantity_changed: 'Erledigt: Die Menge wurde geändert.',
    product_swapped: 'Erledigt: Das Produkt wurde getauscht.',
    address_changed: 'Erledigt: Die Adresse wurde geändert.',
  },
  problem: 'Das hat nicht geklappt',
  errors: {
    minimum_cycles:
      'Ihr Abonnement hat eine Mindestanzahl an Lieferungen; danach können Sie es kündigen.',
    date_before_cutoff: 'Dieses Datum ist zu früh: Bitte wählen Sie ein späteres.',
    date_too_far: 'Dieses Datum liegt zu weit in der Zukunft.',
    date_in_pause: 'Dieses Datum fällt in Ihre Pause.',
    pause_end_not_in_future: 'Die Pause muss nach heute enden.',
    pause_too_long: 'Eine Pause dauert höchstens ein Jahr.',
    subscription_paused: 'Ihr Abonnement ist pausiert; bitte setzen Sie es zuerst fort.',
    not_paused: 'Ihr Abonnement ist nicht pausiert.',
    subscription_cancelled: 'Ihr Abonnement ist gekündigt und kann nicht mehr geändert werden.',
    subscription_expired: 'Ihr Abonnement ist abgelaufen und kann nicht mehr geändert werden.',
    not_in_plan: 'Dieses Produkt gehört nicht zu Ihrem Abonnement.',
    same_product: 'Dieses Produkt erhalten Sie bereits.',
    no_price: 'Dieses Produkt ist derzeit nicht bestellbar.',
    invalid: (field) => `Bitte prüfen Sie das Feld „${field}“.`,
    unsupported_destination: 'In dieses Land können wir nicht liefern.',
  },
  linkExpires: (d) =>
    `Dieser Link funktioniert bis ${d}. Geben Sie ihn nicht weiter: Jeder, der ihn hat, kann Ihr Abonnement ändern.`,
  invalidLink: 'Dieser Link ist ungültig. Bitte verwenden Sie den Link aus unserer letzten E-Mail.',
  expiredLink:
    'Dieser Link ist abgelaufen. Bitte verwenden Sie den Link aus unserer letzten E-Mail.',
  languageName: 'Deutsch',
  languages: 'Sprache',
};
