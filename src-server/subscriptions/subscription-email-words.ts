// Every word the subscription e-mails say, per language. A function takes what it interpolates
// (dates and amounts already formatted); the completeness test (test/unit/i18n-completeness.test.ts)
// holds the four languages to the same words.
import type { EmailLocale } from '../notifications/email/email-words';

export const SUBSCRIPTION_CHANGES = [
  'skipped',
  'paused',
  'resumed',
  'cancelled',
  'date_changed',
  'quantity_changed',
  'product_swapped',
  'address_changed',
  'payment_changed',
  'email_changed',
  'links_revoked',
] as const;
export type SubscriptionChange = (typeof SUBSCRIPTION_CHANGES)[number];

export interface SubscriptionEmailWords {
  subscription: string;
  manage: string;
  closing(linkExpiresOn: string): string;
  greeting(name: string): string;
  /** The state a subscription ends in after dunning: paused or cancelled. */
  paused: string;
  cancelled: string;
  created: { subject(reference: string): string; heading: string; first(day: string): string };
  reminder: {
    subject(day: string): string;
    heading: string;
    charge(day: string, amount: string): string;
    change(lastChangeDay: string): string;
  };
  stockShort: {
    subject(day: string): string;
    heading: string;
    missing(items: string): string;
    promised(day: string): string;
    swap(alternatives: string): string;
    skip: string;
  };
  missed: {
    subject: string;
    heading: string;
    stock(day: string): string;
    downtime(day: string): string;
    next(day: string): string;
  };
  paymentFailed: {
    subject: string;
    lastSubject: string;
    heading: string;
    failed(amount: string, day: string, reason: string): string;
    retry(day: string): string;
    last(state: string): string;
  };
  dunningEnded: {
    subject(state: string): string;
    heading(state: string): string;
    ended(attempts: string, amount: string, day: string, state: string): string;
    cancelled: string;
    paused: string;
  };
  changed: {
    subject: string;
    heading: string;
    what: Record<SubscriptionChange, string>;
    other: string;
    next(day: string): string;
  };
}

const en: SubscriptionEmailWords = {
  subscription: 'Subscription',
  manage: 'Manage your subscription',
  closing: (until) => `The link works until ${until}. Kind regards,`,
  greeting: (name) => `Dear ${name},`,
  paused: 'paused',
  cancelled: 'cancelled',
  created: {
    subject: (reference) => `Your subscription ${reference} is set up`,
    heading: 'Welcome to your subscription',
    first: (day) =>
      `Your first subscription delivery is on ${day}. You can skip, pause or change it any time through the link below.`,
  },
  reminder: {
    subject: (day) => `Your next delivery on ${day}`,
    heading: 'Your next delivery is coming up',
    charge: (day, amount) => `On ${day} we will charge ${amount} and send your delivery.`,
    change: (day) => `Want to skip or change it? You can until ${day} through the link below.`,
  },
  stockShort: {
    subject: (day) => `Your delivery of ${day} is delayed`,
    heading: 'Not in stock yet',
    missing: (items) => `${items} is out of stock at the moment. You have not been charged.`,
    promised: (day) => `We expect to send your delivery by ${day} and will only charge you then.`,
    swap: (alternatives) =>
      `Rather have something else now? Swap through the link below, for instance for: ${alternatives}.`,
    skip: 'You can also skip this delivery through the link below.',
  },
  missed: {
    subject: 'A delivery was skipped',
    heading: 'Delivery skipped',
    stock: (day) => `We could not get your delivery of ${day} in stock and have skipped it.`,
    downtime: (day) => `Your delivery of ${day} could not be sent on time and has been skipped.`,
    next: (day) => `You have not been charged. Your next delivery is on ${day}.`,
  },
  paymentFailed: {
    subject: 'We could not collect your payment',
    lastSubject: 'Last attempt: we could not collect your payment',
    heading: 'Payment failed',
    failed: (amount, day, reason) =>
      `We could not charge ${amount} for your delivery of ${day} (${reason}).`,
    retry: (day) =>
      `We will try again on ${day}. Please make sure the funds are there, or contact us to change your payment method.`,
    last: (state) =>
      `That is our last attempt: if it fails, the delivery is cancelled and your subscription ${state}.`,
  },
  dunningEnded: {
    subject: (state) => `Your subscription is ${state}`,
    heading: (state) => `Subscription ${state}`,
    ended: (attempts, amount, day, state) =>
      `After ${attempts} attempts we could not charge ${amount} for your delivery of ${day}. The delivery is cancelled and your subscription is ${state}.`,
    cancelled: 'You are welcome to subscribe again any time.',
    paused: 'You can resume it through the link below once your payment is in order.',
  },
  changed: {
    subject: 'Your subscription has been changed',
    heading: 'Change confirmed',
    what: {
      skipped: 'The next delivery is skipped.',
      paused: 'Your subscription is paused.',
      resumed: 'Your subscription is resumed.',
      cancelled: 'Your subscription is cancelled.',
      date_changed: 'The date of your next delivery has changed.',
      quantity_changed: 'The quantity has changed.',
      product_swapped: 'A product has been swapped.',
      address_changed: 'Your delivery address has changed.',
      payment_changed: 'Your payment method has changed.',
      email_changed: 'Your e-mails now come to this address; links sent before no longer work.',
      links_revoked: 'Links sent before no longer work; use the link in this e-mail.',
    },
    other: 'Your subscription has changed.',
    next: (day) => `Your next delivery is on ${day}.`,
  },
};

const nl: SubscriptionEmailWords = {
  subscription: 'Abonnement',
  manage: 'Beheer je abonnement',
  closing: (until) => `De link werkt tot ${until}. Met vriendelijke groet,`,
  greeting: (name) => `Beste ${name},`,
  paused: 'gepauzeerd',
  cancelled: 'opgezegd',
  created: {
    subject: (reference) => `Je abonnement ${reference} staat klaar`,
    heading: 'Welkom bij je abonnement',
    first: (day) =>
      `Je eerste levering via je abonnement is op ${day}. Overslaan, pauzeren of wijzigen kan altijd via de link hieronder.`,
  },
  reminder: {
    subject: (day) => `Je volgende levering op ${day}`,
    heading: 'Binnenkort je volgende levering',
    charge: (day, amount) => `Op ${day} schrijven we ${amount} af en versturen we je levering.`,
    change: (day) =>
      `Wil je deze levering overslaan of wijzigen? Dat kan tot en met ${day} via de link hieronder.`,
  },
  stockShort: {
    subject: (day) => `Je levering van ${day} is vertraagd`,
    heading: 'Nog niet op voorraad',
    missing: (items) =>
      `${items} is op dit moment niet op voorraad. We hebben nog niets afgeschreven.`,
    promised: (day) =>
      `We verwachten je levering uiterlijk ${day} te versturen en schrijven pas dan af.`,
    swap: (alternatives) =>
      `Liever nu iets anders? Ruil via de link hieronder, bijvoorbeeld voor: ${alternatives}.`,
    skip: 'Je kunt deze levering ook overslaan via de link hieronder.',
  },
  missed: {
    subject: 'Een levering is overgeslagen',
    heading: 'Levering overgeslagen',
    stock: (day) =>
      `We konden je levering van ${day} niet op voorraad krijgen en hebben hem overgeslagen.`,
    downtime: (day) =>
      `Je levering van ${day} kon niet op tijd worden verstuurd en is overgeslagen.`,
    next: (day) => `Er is niets afgeschreven. Je volgende levering is op ${day}.`,
  },
  paymentFailed: {
    subject: 'Je betaling is niet gelukt',
    lastSubject: 'Laatste poging: je betaling is niet gelukt',
    heading: 'Betaling niet gelukt',
    failed: (amount, day, reason) =>
      `We konden ${amount} voor je levering van ${day} niet afschrijven (${reason}).`,
    retry: (day) =>
      `We proberen het opnieuw op ${day}. Zorg dat er genoeg saldo is, of neem contact met ons op om je betaalmethode te wijzigen.`,
    last: (state) =>
      `Dit is de laatste poging: lukt die niet, dan wordt de levering geannuleerd en je abonnement ${state}.`,
  },
  dunningEnded: {
    subject: (state) => `Je abonnement is ${state}`,
    heading: (state) => `Abonnement ${state}`,
    ended: (attempts, amount, day, state) =>
      `Na ${attempts} pogingen konden we ${amount} voor je levering van ${day} niet afschrijven. De levering is geannuleerd en je abonnement is ${state}.`,
    cancelled: 'Je kunt altijd een nieuw abonnement afsluiten.',
    paused: 'Hervatten kan via de link hieronder zodra je betaling weer in orde is.',
  },
  changed: {
    subject: 'Je abonnement is gewijzigd',
    heading: 'Wijziging bevestigd',
    what: {
      skipped: 'De volgende levering wordt overgeslagen.',
      paused: 'Je abonnement is gepauzeerd.',
      resumed: 'Je abonnement is hervat.',
      cancelled: 'Je abonnement is opgezegd.',
      date_changed: 'De datum van je volgende levering is gewijzigd.',
      quantity_changed: 'Het aantal is gewijzigd.',
      product_swapped: 'Een product is geruild.',
      address_changed: 'Je afleveradres is gewijzigd.',
      payment_changed: 'Je betaalmethode is gewijzigd.',
      email_changed:
        'Je e-mails komen voortaan op dit adres; eerder gestuurde links werken niet meer.',
      links_revoked: 'Eerder gestuurde links werken niet meer; gebruik de link in deze e-mail.',
    },
    other: 'Je abonnement is gewijzigd.',
    next: (day) => `Je volgende levering is op ${day}.`,
  },
};

const de: SubscriptionEmailWords = {
  subscription: 'Abonnement',
  manage: 'Abonnement verwalten',
  closing: (until) => `Der Link ist bis ${until} gültig. Mit freundlichen Grüßen`,
  greeting: (name) => `Guten Tag ${name},`,
  paused: 'pausiert',
  cancelled: 'gekündigt',
  created: {
    subject: (reference) => `Ihr Abonnement ${reference} ist eingerichtet`,
    heading: 'Willkommen bei Ihrem Abonnement',
    first: (day) =>
      `Ihre erste Abo-Lieferung kommt am ${day}. Über den Link unten können Sie sie jederzeit überspringen, pausieren oder ändern.`,
  },
  reminder: {
    subject: (day) => `Ihre nächste Lieferung am ${day}`,
    heading: 'Ihre nächste Lieferung steht bevor',
    charge: (day, amount) => `Am ${day} buchen wir ${amount} ab und versenden Ihre Lieferung.`,
    change: (day) =>
      `Möchten Sie diese Lieferung überspringen oder ändern? Das ist bis einschließlich ${day} über den Link unten möglich.`,
  },
  stockShort: {
    subject: (day) => `Ihre Lieferung vom ${day} verzögert sich`,
    heading: 'Noch nicht auf Lager',
    missing: (items) => `${items} ist derzeit nicht auf Lager. Wir haben noch nichts abgebucht.`,
    promised: (day) =>
      `Wir rechnen damit, Ihre Lieferung bis spätestens ${day} zu versenden, und buchen erst dann ab.`,
    swap: (alternatives) =>
      `Lieber jetzt etwas anderes? Tauschen Sie über den Link unten, zum Beispiel gegen: ${alternatives}.`,
    skip: 'Sie können diese Lieferung auch über den Link unten überspringen.',
  },
  missed: {
    subject: 'Eine Lieferung wurde übersprungen',
    heading: 'Lieferung übersprungen',
    stock: (day) =>
      `Wir konnten Ihre Lieferung vom ${day} nicht vorrätig bekommen und haben sie übersprungen.`,
    downtime: (day) =>
      `Ihre Lieferung vom ${day} konnte nicht rechtzeitig versendet werden und wurde übersprungen.`,
    next: (day) => `Es wurde nichts abgebucht. Ihre nächste Lieferung kommt am ${day}.`,
  },
  paymentFailed: {
    subject: 'Ihre Zahlung ist fehlgeschlagen',
    lastSubject: 'Letzter Versuch: Ihre Zahlung ist fehlgeschlagen',
    heading: 'Zahlung fehlgeschlagen',
    failed: (amount, day, reason) =>
      `Wir konnten ${amount} für Ihre Lieferung vom ${day} nicht abbuchen (${reason}).`,
    retry: (day) =>
      `Wir versuchen es am ${day} erneut. Bitte sorgen Sie für ausreichende Deckung oder kontaktieren Sie uns, um Ihre Zahlungsart zu ändern.`,
    last: (state) =>
      `Das ist unser letzter Versuch: Schlägt er fehl, wird die Lieferung storniert und Ihr Abonnement ${state}.`,
  },
  dunningEnded: {
    subject: (state) => `Ihr Abonnement ist ${state}`,
    heading: (state) => `Abonnement ${state}`,
    ended: (attempts, amount, day, state) =>
      `Nach ${attempts} Versuchen konnten wir ${amount} für Ihre Lieferung vom ${day} nicht abbuchen. Die Lieferung ist storniert und Ihr Abonnement ist ${state}.`,
    cancelled: 'Sie können jederzeit ein neues Abonnement abschließen.',
    paused:
      'Sobald Ihre Zahlung wieder in Ordnung ist, können Sie es über den Link unten fortsetzen.',
  },
  changed: {
    subject: 'Ihr Abonnement wurde geändert',
    heading: 'Änderung bestätigt',
    what: {
      skipped: 'Die nächste Lieferung wird übersprungen.',
      paused: 'Ihr Abonnement ist pausiert.',
      resumed: 'Ihr Abonnement läuft wieder.',
      cancelled: 'Ihr Abonnement ist gekündigt.',
      date_changed: 'Das Datum Ihrer nächsten Lieferung wurde geändert.',
      quantity_changed: 'Die Menge wurde geändert.',
      product_swapped: 'Ein Artikel wurde getauscht.',
      address_changed: 'Ihre Lieferadresse wurde geändert.',
      payment_changed: 'Ihre Zahlungsart wurde geändert.',
      email_changed:
        'Ihre E-Mails gehen ab jetzt an diese Adresse; früher gesendete Links funktionieren nicht mehr.',
      links_revoked:
        'Früher gesendete Links funktionieren nicht mehr; verwenden Sie den Link in dieser E-Mail.',
    },
    other: 'Ihr Abonnement wurde geändert.',
    next: (day) => `Ihre nächste Lieferung kommt am ${day}.`,
  },
};

const fr: SubscriptionEmailWords = {
  subscription: 'Abonnement',
  manage: 'Gérer votre abonnement',
  closing: (until) => `Le lien est valable jusqu’au ${until}. Cordialement,`,
  greeting: (name) => `Bonjour ${name},`,
  paused: 'suspendu',
  cancelled: 'résilié',
  created: {
    subject: (reference) => `Votre abonnement ${reference} est prêt`,
    heading: 'Bienvenue dans votre abonnement',
    first: (day) =>
      `Votre première livraison d’abonnement aura lieu le ${day}. Vous pouvez la sauter, la suspendre ou la modifier à tout moment via le lien ci-dessous.`,
  },
  reminder: {
    subject: (day) => `Votre prochaine livraison le ${day}`,
    heading: 'Votre prochaine livraison approche',
    charge: (day, amount) =>
      `Le ${day}, nous prélèverons ${amount} et expédierons votre livraison.`,
    change: (day) =>
      `Vous souhaitez sauter ou modifier cette livraison ? C’est possible jusqu’au ${day} inclus via le lien ci-dessous.`,
  },
  stockShort: {
    subject: (day) => `Votre livraison du ${day} est retardée`,
    heading: 'Pas encore en stock',
    missing: (items) =>
      `${items} est actuellement en rupture de stock. Nous n’avons encore rien prélevé.`,
    promised: (day) =>
      `Nous prévoyons d’expédier votre livraison au plus tard le ${day} et ne prélèverons qu’à ce moment-là.`,
    swap: (alternatives) =>
      `Vous préférez autre chose maintenant ? Échangez via le lien ci-dessous, par exemple contre : ${alternatives}.`,
    skip: 'Vous pouvez aussi sauter cette livraison via le lien ci-dessous.',
  },
  missed: {
    subject: 'Une livraison a été sautée',
    heading: 'Livraison sautée',
    stock: (day) =>
      `Nous n’avons pas pu obtenir en stock votre livraison du ${day} et l’avons sautée.`,
    downtime: (day) =>
      `Votre livraison du ${day} n’a pas pu être expédiée à temps et a été sautée.`,
    next: (day) => `Rien n’a été prélevé. Votre prochaine livraison aura lieu le ${day}.`,
  },
  paymentFailed: {
    subject: 'Votre paiement n’a pas abouti',
    lastSubject: 'Dernière tentative : votre paiement n’a pas abouti',
    heading: 'Échec du paiement',
    failed: (amount, day, reason) =>
      `Nous n’avons pas pu prélever ${amount} pour votre livraison du ${day} (${reason}).`,
    retry: (day) =>
      `Nous réessaierons le ${day}. Merci de vérifier que votre compte est suffisamment approvisionné, ou contactez-nous pour changer de moyen de paiement.`,
    last: (state) =>
      `C’est notre dernière tentative : en cas d’échec, la livraison sera annulée et votre abonnement ${state}.`,
  },
  dunningEnded: {
    subject: (state) => `Votre abonnement est ${state}`,
    heading: (state) => `Abonnement ${state}`,
    ended: (attempts, amount, day, state) =>
      `Après ${attempts} tentatives, nous n’avons pas pu prélever ${amount} pour votre livraison du ${day}. La livraison est annulée et votre abonnement est ${state}.`,
    cancelled: 'Vous pouvez vous réabonner à tout moment.',
    paused:
      'Vous pourrez le reprendre via le lien ci-dessous dès que votre paiement sera régularisé.',
  },
  changed: {
    subject: 'Votre abonnement a été modifié',
    heading: 'Modification confirmée',
    what: {
      skipped: 'La prochaine livraison est sautée.',
      paused: 'Votre abonnement est suspendu.',
      resumed: 'Votre abonnement a repris.',
      cancelled: 'Votre abonnement est résilié.',
      date_changed: 'La date de votre prochaine livraison a changé.',
      quantity_changed: 'La quantité a changé.',
      product_swapped: 'Un produit a été échangé.',
      address_changed: 'Votre adresse de livraison a changé.',
      payment_changed: 'Votre moyen de paiement a changé.',
      email_changed:
        'Vos e-mails arrivent désormais à cette adresse ; les liens envoyés auparavant ne fonctionnent plus.',
      links_revoked:
        'Les liens envoyés auparavant ne fonctionnent plus ; utilisez le lien de cet e-mail.',
    },
    other: 'Votre abonnement a été modifié.',
    next: (day) => `Votre prochaine livraison aura lieu le ${day}.`,
  },
};

export const SUBSCRIPTION_EMAIL_WORDS: Record<EmailLocale, SubscriptionEmailWords> = {
  en,
  nl,
  de,
  fr,
};
