// Every word the team alert e-mails say, per language (the team's ALERT locale). A function takes
// what it interpolates; the completeness test (test/unit/i18n-completeness.test.ts) holds the four
// languages to the same words.
import type { TrackingState } from '../../../shared/carriers/tracking-state';
import type { EmailLocale } from '../email/email-words';

export interface TeamAlertWords {
  closing: string;
  warehouse: string;
  supplier: string;
  stockLow: {
    subject(sku: string, warehouse: string): string;
    heading(product: string): string;
    summary(available: string, reorderPoint: string, suggested: string): string;
    onHand: string;
    reserved: string;
    suggested: string;
  };
  notSelling: {
    never: string;
    subject(sku: string): string;
    heading(product: string, days: string): string;
    summary(onHand: string, lastSold: string): string;
  };
  late: {
    subject(order: string, warehouse: string): string;
    heading: string;
    summary(promised: string, status: string): string;
    order: string;
  };
  undelivered: {
    subject(order: string, carrier: string): string;
    heading: string;
    summary(promised: string, state: string): string;
    noTracking: string;
    trackingNumber: string;
    states: Record<TrackingState, string>;
  };
  returnDigest: {
    subject(week: string): string;
    heading(days: string): string;
    none: string;
    returned(units: string): string;
    rateOf(rate: string, sold: string): string;
  };
  subscriptionShort: {
    network: string;
    subject(reference: string, where: string): string;
    heading: string;
    summary(cycle: string, reference: string, due: string, promised: string): string;
  };
}

const en: TeamAlertWords = {
  closing: 'Automatic message from the OMS.',
  warehouse: 'Warehouse',
  supplier: 'Supplier',
  stockLow: {
    subject: (sku, warehouse) => `Low stock: ${sku} in ${warehouse}`,
    heading: (product) => `${product} is running low`,
    summary: (available, reorderPoint, suggested) =>
      `Available ${available}, reorder point ${reorderPoint}. Suggested reorder: ${suggested} units.`,
    onHand: 'On hand',
    reserved: 'Reserved',
    suggested: 'Suggested reorder quantity',
  },
  notSelling: {
    never: 'never',
    subject: (sku) => `Not selling: ${sku}`,
    heading: (product, days) => `${product} has not sold in ${days} days`,
    summary: (onHand, lastSold) => `${onHand} units are in stock. Last sold: ${lastSold}.`,
  },
  late: {
    subject: (order, warehouse) => `Late: order ${order} (${warehouse})`,
    heading: 'Promised date passed, not shipped',
    summary: (promised, status) => `Promised for ${promised}; status ${status}.`,
    order: 'Order',
  },
  undelivered: {
    subject: (order, carrier) => `Not delivered: order ${order} (${carrier})`,
    heading: 'Promised date passed, not delivered',
    summary: (promised, state) => `Promised for ${promised}; the carrier's last word: ${state}.`,
    noTracking: 'no tracking yet',
    trackingNumber: 'Tracking number',
    states: {
      in_transit: 'in transit',
      out_for_delivery: 'out for delivery',
      delivery_failed: 'delivery failed',
      exception: 'a problem with the parcel',
      returned_to_sender: 'returned to sender',
      delivered: 'delivered',
    },
  },
  returnDigest: {
    subject: (week) => `Return rate digest ${week}`,
    heading: (days) => `Products with the highest return rate (${days} days)`,
    none: 'No returns were received in this period.',
    returned: (units) => `${units} units received back.`,
    rateOf: (rate, sold) => `${rate} of ${sold}`,
  },
  subscriptionShort: {
    network: 'the network',
    subject: (reference, where) => `Subscription renewal short of stock: ${reference} (${where})`,
    heading: 'A subscription renewal cannot be placed',
    summary: (cycle, reference, due, promised) =>
      `Delivery ${cycle} of ${reference} (due ${due}) was not placed and not charged. The customer expects it by ${promised}.`,
  },
};

const nl: TeamAlertWords = {
  closing: 'Automatisch bericht van het OMS.',
  warehouse: 'Magazijn',
  supplier: 'Leverancier',
  stockLow: {
    subject: (sku, warehouse) => `Lage voorraad: ${sku} in ${warehouse}`,
    heading: (product) => `${product} is bijna op`,
    summary: (available, reorderPoint, suggested) =>
      `Beschikbaar ${available}, bestelpunt ${reorderPoint}. Voorgestelde bestelling: ${suggested} stuks.`,
    onHand: 'Op voorraad',
    reserved: 'Gereserveerd',
    suggested: 'Voorgestelde bestelling',
  },
  notSelling: {
    never: 'nooit',
    subject: (sku) => `Verkoopt niet: ${sku}`,
    heading: (product, days) => `${product} is in ${days} dagen niet verkocht`,
    summary: (onHand, lastSold) =>
      `Er liggen ${onHand} stuks op voorraad. Laatst verkocht: ${lastSold}.`,
  },
  late: {
    subject: (order, warehouse) => `Te laat: bestelling ${order} (${warehouse})`,
    heading: 'Beloofde datum verstreken, nog niet verzonden',
    summary: (promised, status) => `Beloofd voor ${promised}; status ${status}.`,
    order: 'Bestelling',
  },
  undelivered: {
    subject: (order, carrier) => `Niet bezorgd: bestelling ${order} (${carrier})`,
    heading: 'Beloofde datum voorbij, niet bezorgd',
    summary: (promised, state) =>
      `Beloofd voor ${promised}; laatste melding van de vervoerder: ${state}.`,
    noTracking: 'nog geen tracking',
    trackingNumber: 'Trackingnummer',
    states: {
      in_transit: 'onderweg',
      out_for_delivery: 'wordt vandaag bezorgd',
      delivery_failed: 'bezorging mislukt',
      exception: 'probleem met het pakket',
      returned_to_sender: 'retour afzender',
      delivered: 'bezorgd',
    },
  },
  returnDigest: {
    subject: (week) => `Retouroverzicht ${week}`,
    heading: (days) => `Producten met de meeste retouren (${days} dagen)`,
    none: 'Er zijn in deze periode geen retouren ontvangen.',
    returned: (units) => `${units} stuks retour ontvangen.`,
    rateOf: (rate, sold) => `${rate} van ${sold}`,
  },
  subscriptionShort: {
    network: 'het netwerk',
    subject: (reference, where) => `Abonnement zonder voorraad: ${reference} (${where})`,
    heading: 'Een abonnementslevering kan niet worden verstuurd',
    summary: (cycle, reference, due, promised) =>
      `Levering ${cycle} van ${reference} (gepland ${due}) is niet geplaatst en niet afgeschreven. De klant verwacht hem uiterlijk ${promised}.`,
  },
};

const de: TeamAlertWords = {
  closing: 'Automatische Nachricht aus dem OMS.',
  warehouse: 'Lager',
  supplier: 'Lieferant',
  stockLow: {
    subject: (sku, warehouse) => `Niedriger Bestand: ${sku} in ${warehouse}`,
    heading: (product) => `${product} wird knapp`,
    summary: (available, reorderPoint, suggested) =>
      `Verfügbar ${available}, Meldebestand ${reorderPoint}. Empfohlene Bestellmenge: ${suggested} Stück.`,
    onHand: 'Lagerbestand',
    reserved: 'Reserviert',
    suggested: 'Empfohlene Bestellmenge',
  },
  notSelling: {
    never: 'nie',
    subject: (sku) => `Kein Absatz: ${sku}`,
    heading: (product, days) => `${product} wurde seit ${days} Tagen nicht verkauft`,
    summary: (onHand, lastSold) => `${onHand} Stück sind auf Lager. Zuletzt verkauft: ${lastSold}.`,
  },
  late: {
    subject: (order, warehouse) => `Verspätet: Bestellung ${order} (${warehouse})`,
    heading: 'Zugesagtes Datum überschritten, noch nicht versandt',
    summary: (promised, status) => `Zugesagt für ${promised}; Status ${status}.`,
    order: 'Bestellung',
  },
  undelivered: {
    subject: (order, carrier) => `Nicht zugestellt: Bestellung ${order} (${carrier})`,
    heading: 'Zugesagtes Datum überschritten, nicht zugestellt',
    summary: (promised, state) =>
      `Zugesagt für ${promised}; letzte Meldung des Versanddienstes: ${state}.`,
    noTracking: 'noch keine Sendungsverfolgung',
    trackingNumber: 'Sendungsnummer',
    states: {
      in_transit: 'unterwegs',
      out_for_delivery: 'in Zustellung',
      delivery_failed: 'Zustellung fehlgeschlagen',
      exception: 'Problem mit dem Paket',
      returned_to_sender: 'zurück an den Absender',
      delivered: 'zugestellt',
    },
  },
  returnDigest: {
    subject: (week) => `Retourenübersicht ${week}`,
    heading: (days) => `Artikel mit der höchsten Retourenquote (${days} Tage)`,
    none: 'In diesem Zeitraum sind keine Retouren eingegangen.',
    returned: (units) => `${units} Stück als Retoure erhalten.`,
    rateOf: (rate, sold) => `${rate} von ${sold}`,
  },
  subscriptionShort: {
    network: 'dem Netzwerk',
    subject: (reference, where) => `Abo-Lieferung ohne Bestand: ${reference} (${where})`,
    heading: 'Eine Abo-Lieferung kann nicht ausgelöst werden',
    summary: (cycle, reference, due, promised) =>
      `Lieferung ${cycle} von ${reference} (fällig am ${due}) wurde weder ausgelöst noch berechnet. Der Kunde erwartet sie bis ${promised}.`,
  },
};

const fr: TeamAlertWords = {
  closing: 'Message automatique de l’OMS.',
  warehouse: 'Entrepôt',
  supplier: 'Fournisseur',
  stockLow: {
    subject: (sku, warehouse) => `Stock bas : ${sku} à ${warehouse}`,
    heading: (product) => `${product} est bientôt épuisé`,
    summary: (available, reorderPoint, suggested) =>
      `Disponible ${available}, seuil de réapprovisionnement ${reorderPoint}. Commande suggérée : ${suggested} unités.`,
    onHand: 'En stock',
    reserved: 'Réservé',
    suggested: 'Quantité de réapprovisionnement suggérée',
  },
  notSelling: {
    never: 'jamais',
    subject: (sku) => `Aucune vente : ${sku}`,
    heading: (product, days) => `${product} ne s’est pas vendu depuis ${days} jours`,
    summary: (onHand, lastSold) => `${onHand} unités en stock. Dernière vente : ${lastSold}.`,
  },
  late: {
    subject: (order, warehouse) => `En retard : commande ${order} (${warehouse})`,
    heading: 'Date promise dépassée, pas encore expédiée',
    summary: (promised, status) => `Livraison promise le ${promised} ; statut ${status}.`,
    order: 'Commande',
  },
  undelivered: {
    subject: (order, carrier) => `Non livrée : commande ${order} (${carrier})`,
    heading: 'Date promise dépassée, non livrée',
    summary: (promised, state) =>
      `Promise pour le ${promised} ; dernier statut du transporteur : ${state}.`,
    noTracking: 'pas encore de suivi',
    trackingNumber: 'Numéro de suivi',
    states: {
      in_transit: 'en transit',
      out_for_delivery: 'en cours de livraison',
      delivery_failed: 'échec de livraison',
      exception: 'problème avec le colis',
      returned_to_sender: 'retourné à l’expéditeur',
      delivered: 'livré',
    },
  },
  returnDigest: {
    subject: (week) => `Synthèse des retours ${week}`,
    heading: (days) => `Produits au taux de retour le plus élevé (${days} jours)`,
    none: 'Aucun retour n’a été reçu sur cette période.',
    returned: (units) => `${units} unités reçues en retour.`,
    rateOf: (rate, sold) => `${rate} sur ${sold}`,
  },
  subscriptionShort: {
    network: 'le réseau',
    subject: (reference, where) =>
      `Renouvellement d’abonnement sans stock : ${reference} (${where})`,
    heading: 'Une livraison d’abonnement ne peut pas être passée',
    summary: (cycle, reference, due, promised) =>
      `La livraison ${cycle} de ${reference} (prévue le ${due}) n’a été ni passée ni débitée. Le client l’attend au plus tard le ${promised}.`,
  },
};

export const TEAM_ALERT_WORDS: Record<EmailLocale, TeamAlertWords> = { en, nl, de, fr };
