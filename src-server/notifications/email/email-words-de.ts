// German customer email words (see email-words.ts): the polite "Sie", as German shops write.
import { LEGAL_MENTION_WORDS } from '../../../shared/tax';
import type { CustomerEmailWords } from './email-words';

export const de: CustomerEmailWords = {
  hello: (name) => `Hallo ${name},`,
  closing: 'Viele Grüße',
  order: 'Bestellung',
  subtotal: 'Zwischensumme',
  discount: 'Rabatt',
  shipping: 'Versand',
  tax: (rate) => (rate ? `MwSt. ${rate}` : 'MwSt.'),
  taxIncluded: (rate) => (rate ? `Enthaltene MwSt. ${rate}` : 'Enthaltene MwSt.'),
  total: 'Gesamtsumme',
  carrier: 'Versanddienstleister',
  tracking: 'Sendung verfolgen',
  promised: 'Voraussichtliche Lieferung',
  rma: 'Retourennummer',
  refund: 'Erstattet',
  breakdown: (rate) => `Netto + MwSt. ${rate} = Brutto`,
  mention: LEGAL_MENTION_WORDS.de,
  orderConfirmation: {
    subject: (ref) => `Ihre Bestellung ${ref} ist bestätigt`,
    heading: 'Vielen Dank für Ihre Bestellung!',
    received: 'Wir haben Ihre Bestellung erhalten und machen sie für den Versand fertig.',
  },
  shipped: {
    subject: (ref) => `Ihre Bestellung ${ref} wurde versendet`,
    heading: 'Ihr Paket ist unterwegs',
    shippedWith: (carrier) => `Ihre Bestellung wurde mit ${carrier} versendet.`,
  },
  delayed: {
    subject: (ref) => `Ihre Bestellung ${ref} verzögert sich`,
    heading: 'Ihre Bestellung dauert etwas länger',
    backordered:
      'Ein Teil Ihrer Bestellung ist vorübergehend nicht auf Lager. Wir versenden ihn, sobald er eingetroffen ist.',
    late: 'Ihre Bestellung wurde noch nicht versendet und kommt später als zugesagt. Das tut uns leid; wir kümmern uns darum.',
  },
  returnAuthorized: {
    subject: (rmaId) => `Ihre Retoure ${rmaId} ist genehmigt`,
    heading: 'Ihre Retoure ist genehmigt',
    printLabel:
      'Drucken Sie das beigefügte Retourenetikett aus, kleben Sie es auf das Paket und geben Sie es beim Versanddienstleister ab.',
    writeNumber: 'Schreiben Sie die Retourennummer auf das Paket.',
  },
  returnReceived: {
    subject: (rmaId) => `Wir haben Ihre Retoure ${rmaId} erhalten`,
    heading: 'Ihre Retoure ist angekommen',
    checking:
      'Wir prüfen die Artikel und geben Ihnen Bescheid, sobald Ihre Erstattung veranlasst ist.',
  },
  parcelTracking: {
    outForDelivery: {
      subject: (ref) => `Ihre Bestellung ${ref} wird heute zugestellt`,
      heading: 'In Zustellung',
      body: (carrier) => `${carrier} stellt Ihr Paket heute zu.`,
    },
    delivered: {
      subject: (ref) => `Ihre Bestellung ${ref} wurde zugestellt`,
      heading: 'Zugestellt',
      body: (carrier) => `${carrier} hat Ihr Paket zugestellt. Viel Freude damit.`,
    },
    deliveryFailed: {
      subject: (ref) => `Ihre Bestellung ${ref} konnte nicht zugestellt werden`,
      heading: 'Zustellung fehlgeschlagen',
      body: (carrier) =>
        `${carrier} konnte Ihr Paket nicht zustellen. Über den Link zur Sendungsverfolgung sehen Sie, wie es weitergeht, oder wählen einen anderen Zeitpunkt oder Ort.`,
    },
  },
  refundIssued: {
    subject: (ref) => `Ihre Erstattung zur Bestellung ${ref}`,
    heading: 'Ihre Erstattung ist veranlasst',
    refunded: (amount) =>
      `Wir haben Ihnen ${amount} erstattet. Es kann einige Werktage dauern, bis der Betrag sichtbar ist.`,
  },
};
