// The words of the self-service page, per language (de and fr in their own files); the
// completeness test (test/unit/i18n-completeness.test.ts) holds the four to the same words.
import { INTL_LOCALE } from '../notifications/email/email-layout';
import { EMAIL_LOCALES, type EmailLocale } from '../notifications/email/email-words';
import { de } from './self-service-copy-de';
import { fr } from './self-service-copy-fr';

export type PageLocale = EmailLocale;

/** A `?lang=` the page speaks, else undefined (the caller falls back to the subscriber's locale). */
export const pageLocaleOf = (lang: string | undefined): PageLocale | undefined =>
  EMAIL_LOCALES.find((l) => l === lang);

export function formatDay(date: string, locale: PageLocale): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

const en = {
  title: (ref: string) => `Your subscription ${ref}`,
  hello: (name: string) => `Hello ${name}, here you can change your subscription.`,
  state: {
    active: 'Your subscription is active.',
    paused: 'Your subscription is paused until you resume it.',
    pausedUntil: (d: string) => `Your subscription is paused until ${d}.`,
    cancelled: 'Your subscription is cancelled.',
    expired: 'Your subscription has ended.',
  },
  nextDelivery: 'Next delivery',
  changesUntil: (d: string) =>
    `Changes made until ${d} apply to this delivery; later ones to the delivery after it.`,
  waitingForStock:
    'We are waiting for stock for this delivery. It has not been charged. You can swap a product below.',
  items: 'What you receive',
  each: 'each',
  skip: { title: 'Skip the next delivery', button: 'Skip this delivery' },
  move: { title: 'Move the next delivery', label: 'New date', button: 'Move delivery' },
  pause: {
    title: 'Pause',
    label: 'Pause until (leave empty to pause until you resume)',
    button: 'Pause subscription',
  },
  resume: { title: 'Resume', button: 'Resume subscription' },
  quantity: { label: (name: string) => `Quantity of ${name}`, button: 'Change quantity' },
  swap: { label: (name: string) => `Swap ${name} for`, button: 'Swap product' },
  productTitle: 'Products',
  address: {
    title: 'Delivery address',
    name: 'Name',
    line1: 'Street and number',
    line2: 'Address line 2 (optional)',
    postalCode: 'Postal code',
    city: 'City',
    country: 'Country code (e.g. NL)',
    button: 'Save address',
  },
  cancel: {
    title: 'Cancel',
    confirm: 'Yes, I want to cancel my subscription',
    reason: 'Reason (optional)',
    button: 'Cancel subscription',
  },
  done: {
    skipped: 'Done: the next delivery is skipped.',
    paused: 'Done: your subscription is paused.',
    resumed: 'Done: your subscription is active again.',
    cancelled: 'Done: your subscription is cancelled.',
    date_changed: 'Done: the delivery has moved.',
    quantity_changed: 'Done: the quantity has changed.',
    product_swapped: 'Done: the product has been swapped.',
    address_changed: 'Done: the address has changed.',
  } as Record<string, string>,
  problem: 'That did not work',
  errors: {
    minimum_cycles:
      'Your plan has a minimum number of deliveries; the subscription can be cancelled after them.',
    date_before_cutoff: 'That date is too soon: choose a later date.',
    date_too_far: 'That date is too far ahead.',
    date_in_pause: 'That date falls within your pause.',
    pause_end_not_in_future: 'The pause has to end after today.',
    pause_too_long: 'A pause can last at most a year.',
    subscription_paused: 'Your subscription is paused; resume it first.',
    not_paused: 'Your subscription is not paused.',
    subscription_cancelled: 'Your subscription is cancelled and can no longer be changed.',
    subscription_expired: 'Your subscription has ended and can no longer be changed.',
    not_in_plan: 'That product is not part of your plan.',
    same_product: 'You already receive that product.',
    no_price: 'That product cannot be ordered at the moment.',
    invalid: (field: string) => `Please check the field "${field}".`,
    unsupported_destination: 'We cannot deliver to that country.',
  } as Record<string, string | ((field: string) => string)>,
  linkExpires: (d: string) =>
    `This link works until ${d}. Keep it to yourself: anyone with it can change your subscription.`,
  invalidLink: 'This link is not valid. Please use the link from our most recent e-mail.',
  expiredLink: 'This link has expired. Please use the link from our most recent e-mail.',
  languageName: 'English',
  languages: 'Language',
};

export type PageCopy = typeof en;

const nl: PageCopy = {
  title: (ref) => `Je abonnement ${ref}`,
  hello: (name) => `Hallo ${name}, hier pas je je abonnement aan.`,
  state: {
    active: 'Je abonnement is actief.',
    paused: 'Je abonnement is gepauzeerd tot je het hervat.',
    pausedUntil: (d) => `Je abonnement is gepauzeerd tot ${d}.`,
    cancelled: 'Je abonnement is opgezegd.',
    expired: 'Je abonnement is afgelopen.',
  },
  nextDelivery: 'Volgende levering',
  changesUntil: (d) =>
    `Wijzigingen tot en met ${d} gelden voor deze levering; latere voor de levering daarna.`,
  waitingForStock:
    'We wachten op voorraad voor deze levering. Er is nog niets afgeschreven. Hieronder kun je een product ruilen.',
  items: 'Wat je ontvangt',
  each: 'per stuk',
  skip: { title: 'Volgende levering overslaan', button: 'Deze levering overslaan' },
  move: {
    title: 'Volgende levering verplaatsen',
    label: 'Nieuwe datum',
    button: 'Levering verplaatsen',
  },
  pause: {
    title: 'Pauzeren',
    label: 'Pauzeren tot (leeg laten om te pauzeren tot je hervat)',
    button: 'Abonnement pauzeren',
  },
  resume: { title: 'Hervatten', button: 'Abonnement hervatten' },
  quantity: { label: (name) => `Aantal ${name}`, button: 'Aantal wijzigen' },
  swap: { label: (name) => `${name} ruilen voor`, button: 'Product ruilen' },
  productTitle: 'Producten',
  address: {
    title: 'Afleveradres',
    name: 'Naam',
    line1: 'Straat en huisnummer',
    line2: 'Adresregel 2 (optioneel)',
    postalCode: 'Postcode',
    city: 'Plaats',
    country: 'Landcode (bijv. NL)',
    button: 'Adres opslaan',
  },
  cancel: {
    title: 'Opzeggen',
    confirm: 'Ja, ik wil mijn abonnement opzeggen',
    reason: 'Reden (optioneel)',
    button: 'Abonnement opzeggen',
  },
  done: {
    skipped: 'Gelukt: de volgende levering wordt overgeslagen.',
    paused: 'Gelukt: je abonnement is gepauzeerd.',
    resumed: 'Gelukt: je abonnement is weer actief.',
    cancelled: 'Gelukt: je abonnement is opgezegd.',
    date_changed: 'Gelukt: de levering is verplaatst.',
    quantity_changed: 'Gelukt: het aantal is gewijzigd.',
    product_swapped: 'Gelukt: het product is geruild.',
    address_changed: 'Gelukt: het adres is gewijzigd.',
  },
  problem: 'Dat is niet gelukt',
  errors: {
    minimum_cycles:
      'Je abonnement heeft een minimum aantal leveringen; daarna kun je het opzeggen.',
    date_before_cutoff: 'Die datum is te vroeg: kies een latere datum.',
    date_too_far: 'Die datum ligt te ver weg.',
    date_in_pause: 'Die datum valt in je pauze.',
    pause_end_not_in_future: 'De pauze moet na vandaag eindigen.',
    pause_too_long: 'Een pauze duurt hooguit een jaar.',
    subscription_paused: 'Je abonnement is gepauzeerd; hervat het eerst.',
    not_paused: 'Je abonnement is niet gepauzeerd.',
    subscription_cancelled: 'Je abonnement is opgezegd en kan niet meer worden gewijzigd.',
    subscription_expired: 'Je abonnement is afgelopen en kan niet meer worden gewijzigd.',
    not_in_plan: 'Dat product hoort niet bij je abonnement.',
    same_product: 'Dat product ontvang je al.',
    no_price: 'Dat product is nu niet te bestellen.',
    invalid: (field) => `Controleer het veld "${field}".`,
    unsupported_destination: 'Naar dat land kunnen we niet leveren.',
  },
  linkExpires: (d) =>
    `Deze link werkt tot ${d}. Deel hem niet: met deze link kan iedereen je abonnement wijzigen.`,
  invalidLink: 'Deze link is niet geldig. Gebruik de link uit onze laatste e-mail.',
  expiredLink: 'Deze link is verlopen. Gebruik de link uit onze laatste e-mail.',
  languageName: 'Nederlands',
  languages: 'Taal',
};

export const SELF_SERVICE_PAGE_WORDS: Record<PageLocale, PageCopy> = { en, nl, de, fr };

export const pageCopy = (locale: PageLocale): PageCopy => SELF_SERVICE_PAGE_WORDS[locale];

/** The customer-facing text of a refusal, by its code. */
export function errorText(
  copy: PageCopy,
  code: string,
  field: string | undefined,
  fallback: string,
): string {
  const text = copy.errors[code];
  if (typeof text === 'string') return text;
  if (code === 'validation_failed' || code === 'invalid') {
    const invalid = copy.errors.invalid;
    return typeof invalid === 'function' ? invalid(field ?? '') : fallback;
  }
  return fallback;
}
