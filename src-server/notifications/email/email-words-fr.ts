// French customer email words (see email-words.ts): "vous", and the space French puts before "!".
import { LEGAL_MENTION_WORDS } from '../../../shared/tax';
import type { CustomerEmailWords } from './email-words';

export const fr: CustomerEmailWords = {
  hello: (name) => `Bonjour ${name},`,
  closing: 'Cordialement,',
  order: 'Commande',
  subtotal: 'Sous-total',
  discount: 'Remise',
  shipping: 'Livraison',
  tax: (rate) => (rate ? `TVA ${rate}` : 'TVA'),
  taxIncluded: (rate) => (rate ? `Dont TVA ${rate}` : 'Dont TVA'),
  total: 'Total',
  carrier: 'Transporteur',
  tracking: 'Suivre votre colis',
  promised: 'Livraison prévue',
  rma: 'Numéro de retour',
  refund: 'Remboursé',
  breakdown: (rate) => `HT + TVA ${rate} = TTC`,
  mention: LEGAL_MENTION_WORDS.fr,
  orderConfirmation: {
    subject: (ref) => `Votre commande ${ref} est confirmée`,
    heading: 'Merci pour votre commande !',
    received: 'Nous avons bien reçu votre commande et la préparons.',
  },
  shipped: {
    subject: (ref) => `Votre commande ${ref} a été expédiée`,
    heading: 'Votre colis est en route',
    shippedWith: (carrier) => `Votre commande a été expédiée avec ${carrier}.`,
  },
  delayed: {
    subject: (ref) => `Votre commande ${ref} a du retard`,
    heading: 'Votre commande prend un peu plus de temps',
    backordered:
      'Une partie de votre commande est temporairement en rupture de stock. Nous l’expédierons dès sa réception.',
    late: 'Votre commande n’est pas encore partie et arrivera plus tard que prévu. Nous en sommes désolés et nous nous en occupons.',
  },
  returnAuthorized: {
    subject: (rmaId) => `Votre retour ${rmaId} est accepté`,
    heading: 'Votre retour est accepté',
    printLabel:
      'Imprimez l’étiquette de retour jointe, collez-la sur le colis et remettez-le au transporteur.',
    writeNumber: 'Indiquez le numéro de retour sur le colis.',
  },
  returnReceived: {
    subject: (rmaId) => `Nous avons reçu votre retour ${rmaId}`,
    heading: 'Votre retour est arrivé',
    checking:
      'Nous vérifions les articles et vous informerons dès que votre remboursement sera effectué.',
  },
  parcelTracking: {
    outForDelivery: {
      subject: (ref) => `Votre commande ${ref} est en cours de livraison`,
      heading: 'En cours de livraison',
      body: (carrier) => `${carrier} livre votre colis aujourd’hui.`,
    },
    delivered: {
      subject: (ref) => `Votre commande ${ref} a été livrée`,
      heading: 'Livrée',
      body: (carrier) => `${carrier} a livré votre colis. Nous espérons qu’il vous plaira.`,
    },
    deliveryFailed: {
      subject: (ref) => `Votre commande ${ref} n’a pas pu être livrée`,
      heading: 'Échec de livraison',
      body: (carrier) =>
        `${carrier} n’a pas pu livrer votre colis. Suivez le lien de suivi pour voir la suite, ou choisir un autre moment ou lieu.`,
    },
  },
  refundIssued: {
    subject: (ref) => `Votre remboursement pour la commande ${ref}`,
    heading: 'Votre remboursement a été effectué',
    refunded: (amount) =>
      `Nous vous avons remboursé ${amount}. Il peut s’écouler quelques jours ouvrés avant qu’il n’apparaisse.`,
  },
};
