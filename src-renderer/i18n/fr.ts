import type { Messages } from './en';

export const fr: Messages = {
  app: { title: 'Poste d’emballage' },
  carriers: {
    unknown: 'Paramètres des transporteurs pas encore reçus',
    notConfigured: 'Aucun identifiant d’étiquettes : {{carriers}}',
    fallback_one: 'Étiquettes maison : 1 transporteur',
    fallback_other: 'Étiquettes maison : {{count}} transporteurs',
    fallbackList: 'Étiquettes du transport propre selon le paramétrage : {{carriers}}',
  },
  packCarrier: {
    own: 'Étiquette du transport propre, hors ligne aussi',
    ready: 'Étiquette {{carrier}} prête',
    checking: 'Vérification des étiquettes {{carrier}}…',
    settingsUnknown:
      '{{carrier}} : paramètres du transporteur pas encore reçus ; les étiquettes attendent leur arrivée',
    offline:
      'Hors ligne : les étiquettes {{carrier}} attendent et s’impriment au retour en ligne du poste',
    unreachable:
      '{{carrier}} ne répond plus depuis {{time}} : les étiquettes attendent et s’impriment dès qu’il répond',
    fallback:
      'Pas d’identifiants {{carrier}} : étiquette du transport propre (paramètre de l’entrepôt)',
    notConfigured:
      'Pas d’identifiants {{carrier}} : les étiquettes attendent qu’un admin les ajoute dans le back-office',
  },
  dayClose: {
    title: 'Clôture de fin de journée',
    explain:
      'Les transporteurs qui demandent un manifeste voient ici les colis du jour clôturés, une fois par jour.',
    none: 'Aucun transporteur de cet entrepôt n’a de clôture de fin de journée à ce poste.',
    close: 'Clôturer la journée {{carrier}}',
    closing: 'Clôture {{carrier}}…',
    closed_one: '{{carrier}} clôturé pour le {{date}} : 1 colis',
    closed_other: '{{carrier}} clôturé pour le {{date}} : {{count}} colis',
    failed: '{{carrier}} non clôturé : {{reason}}',
  },
  connectivity: {
    online: 'En ligne',
    offline: 'Hors ligne',
    checking: 'Connexion…',
    central: 'OMS central',
    lastContact: 'Dernier contact {{time}}',
    never: 'Pas encore de contact',
    stationDown: 'Le service du poste ne tourne pas',
    retry: 'Vérifier maintenant',
  },
  home: {
    welcome: 'Prêt à emballer',
    queue_one: '{{count}} ordre de préparation en attente',
    queue_other: '{{count}} ordres de préparation en attente',
    offlineNote:
      'Travail hors ligne : votre travail est enregistré sur ce poste et envoyé dès que l’OMS central est de retour.',
  },
  setup: {
    title: 'Configurer ce poste',
    explain:
      'Demandez à votre responsable d’entrepôt l’adresse de l’OMS central et un code d’enregistrement à usage unique pour ce poste.',
    centralUrl: 'Adresse de l’OMS central',
    code: 'Code d’enregistrement',
    enrol: 'Enregistrer le poste',
    enrolling: 'Enregistrement…',
  },
  sync: {
    pending_one: '{{count}} modification en attente d’envoi',
    pending_other: '{{count}} modifications en attente d’envoi',
    pending_zero: 'Toutes les modifications sont envoyées',
    conflicts_one: '{{count}} problème demande votre attention',
    conflicts_other: '{{count}} problèmes demandent votre attention',
    last: 'Dernière synchronisation {{time}}',
    never: 'Pas encore synchronisé',
    firstSync: 'Réception du travail : {{received}} sur {{total}}',
  },
  station: {
    name: 'Poste {{name}} · entrepôt {{warehouse}}',
    loading: 'Ouverture du poste…',
    error: 'Le poste n’a pas pu démarrer : {{message}}',
  },
  printing: {
    setupTitle: 'Imprimantes',
    setupExplain:
      'Ajoutez l’imprimante d’étiquettes et l’imprimante de bons de livraison de ce poste, puis imprimez une étiquette de test.',
    printers: 'Imprimantes de ce poste',
    none: 'Aucune imprimante pour l’instant. Ajoutez une imprimante réseau ou choisissez-en une que l’ordinateur connaît déjà.',
    kind: { 'zebra-tcp': 'Zebra réseau', spooler: 'Imprimante système', file: 'Sortie fichier' },
    ready: 'Prête',
    notReady: 'Pas prête',
    checking: 'Vérification…',
    fault: {
      'paper-out': 'Plus d’étiquettes',
      paused: 'En pause',
      'head-up': 'Tête d’impression ouverte',
      'ribbon-out': 'Ruban épuisé',
      'buffer-full': 'Mémoire pleine',
      'over-temperature': 'Tête d’impression trop chaude',
      'under-temperature': 'Tête d’impression trop froide',
      'corrupt-ram': 'Paramètres perdus',
      'no-answer': 'Ne répond pas (étiquettes, ruban ou tête ?)',
      unreachable: 'Imprimante injoignable',
      'spooler-stopped': 'File d’impression arrêtée',
      'unknown-printer': 'Imprimante introuvable',
    },
    defaultLabel: 'Étiquettes',
    defaultSlip: 'Bons de livraison',
    testLabel: 'Imprimer une étiquette de test',
    testSent: 'Étiquette de test imprimée',
    remove: 'Retirer',
    addNetwork: 'Ajouter une imprimante réseau',
    name: 'Nom',
    address: 'Adresse IP ou nom d’hôte',
    port: 'Port',
    add: 'Ajouter l’imprimante',
    dpi: 'Résolution',
    addFile: 'Enregistrer les étiquettes dans un dossier (pas d’imprimante thermique)',
    folder: 'Dossier sur cet ordinateur',
    discover: 'Rechercher les imprimantes système',
    discovering: 'Recherche…',
    discovered: 'Imprimantes système',
    noneDiscovered: 'L’ordinateur ne connaît aucune imprimante.',
    added: 'Ajoutée',
    queueTitle: 'File d’impression',
    queueEmpty: 'Rien d’imprimé pour l’instant.',
    state: { queued: 'En attente', sent: 'Impression…', done: 'Imprimée', failed: 'Échec' },
    waitingForPrinter: 'Attend l’imprimante : {{reason}}',
    kindName: {
      'shipping-label': 'Étiquette d’expédition',
      'packing-slip': 'Bon de livraison',
      'return-label': 'Étiquette de retour',
      cn22: 'Déclaration en douane CN22',
      'intake-label': 'Étiquette de réception retour',
      test: 'Étiquette de test',
    },
    column: {
      time: 'Heure',
      job: 'Commande et carton',
      printer: 'Imprimante',
      state: 'État',
      actions: 'Actions',
    },
    jobOrder: 'Commande {{order}}',
    jobCarton: 'carton {{number}} sur {{count}}',
    reprinted: 'réimprimée',
    removedPrinter: 'Imprimante retirée',
    labelsReprinted_one: '{{count}} étiquette est en cours de réimpression',
    labelsReprinted_other: '{{count}} étiquettes sont en cours de réimpression',
    nothingToReprint: 'Cette expédition n’a aucune étiquette imprimée à réimprimer',
    reprintFailed: 'Les étiquettes n’ont pas été réimprimées : {{message}}',
    noLabelPrinter:
      'Aucune imprimante d’étiquettes n’est configurée sur ce poste : choisissez-en une sous Imprimantes',
    noLabelPrinting: 'L’impression des étiquettes ne tourne pas sur ce poste',
    attempts_one: '{{count}} tentative',
    attempts_other: '{{count}} tentatives',
    reprint: 'Réimprimer',
    voided: 'Annulée : cette étiquette ne doit pas être utilisée',
    preview: 'Aperçu',
    hidePreview: 'Masquer l’aperçu',
    previewLoading: 'Dessin de l’étiquette…',
    previewError: 'L’aperçu n’a pas pu être dessiné : {{message}}',
    previewAlt: 'Aperçu de l’étiquette, page {{page}}',
  },
  signIn: {
    title: 'Connexion',
    explain: 'Scannez votre badge, puis tapez votre code PIN et appuyez sur Entrée.',
    badge: 'Badge',
    pin: 'Code PIN',
    submit: 'Se connecter',
    badgeRead: 'Badge lu : tapez maintenant votre code PIN',
    scanBadgeFirst: 'Connectez-vous d’abord : scannez votre badge',
    refused: 'Badge ou code PIN non reconnu. Réessayez',
    inactive: 'Ce badge n’est plus actif. Adressez-vous à votre responsable d’entrepôt',
    welcome: 'Bienvenue, {{name}}',
    signedInAs: 'Connecté : {{name}}',
    signOut: 'Se déconnecter',
    signedOut: 'Déconnecté',
  },
  scan: {
    notExpected: 'Ce scan n’est pas attendu ici',
    unknownBarcode: 'Code-barres inconnu : ce produit n’est pas au catalogue. Ne l’emballez pas',
    wrongItem:
      'MAUVAIS ARTICLE : {{name}} ne fait pas partie de cette commande. Remettez-le en place',
    badCheckDigit: 'Code-barres mal lu (clé de contrôle erronée) : scannez à nouveau',
    invalidCode: 'Code non valide : {{message}}',
    isBin: 'C’est l’emplacement {{bin}}, pas un produit',
  },
  queue: {
    title: 'File de travail',
    scanOrder:
      'Scannez une commande (F:…, bon de livraison, numéro de suivi ou SSCC) ou un bac (T:…), ou choisissez-en une et appuyez sur Entrée',
    filter: 'Filtrer',
    order: 'Commande',
    priority: 'Priorité',
    promised: 'Promis le',
    items: 'Articles',
    shipTo: 'Livrer à',
    service: 'Service',
    inProgress: 'en cours',
    notFound: 'Aucune commande {{code}} sur ce poste',
    starting: 'Commande {{order}}',
    problem: 'Expédition refusée : {{reason}}',
    resolve: 'Résoudre',
    putBack: {
      cancelled_one:
        'À remettre en place : la commande {{order}} a été annulée ({{count}} article)',
      cancelled_other:
        'À remettre en place : la commande {{order}} a été annulée ({{count}} articles)',
      released_one:
        'À remettre en place : la commande {{order}} est retournée dans la file ({{count}} article)',
      released_other:
        'À remettre en place : la commande {{order}} est retournée dans la file ({{count}} articles)',
    },
    putBackButton: 'Remettre en place',
    toteEmpty: 'Le bac {{tote}} ne contient aucune commande de ce poste',
    toteOpening: 'Bac {{tote}} : commande {{order}}',
    refusal: {
      'on-hold': 'La commande {{order}} est en attente : ne la commencez pas',
      finished: 'La commande {{order}} est déjà emballée ou expédiée',
      'other-warehouse': 'La commande {{order}} appartient à un autre entrepôt',
    },
  },
  order: {
    title: 'Commande {{order}}',
    status: {
      released: 'En attente de préparation',
      picking: 'En préparation',
      packed: 'Emballée',
      shipped: 'Expédiée',
      cancelled: 'Annulée',
      on_hold: 'En attente',
    },
    opened: 'La commande {{order}} est déjà emballée : voici ses cartons',
    instruction:
      'Scannez CMD:REPRINT pour réimprimer ses étiquettes, ou CMD:DONE pour revenir à la file',
    cartons: 'Cartons emballés sur ce poste',
    shipmentStatus: {
      open: 'en cours d’emballage',
      confirmed: 'confirmée, en attente de l’OMS central',
      accepted: 'acceptée par l’OMS central',
      refused: 'refusée',
      voided: 'annulée',
    },
    carton: 'Carton',
    cartonOf: '{{number}} sur {{count}}',
    sscc: 'SSCC',
    tracking: 'Numéro de suivi',
    label: 'Étiquette',
    labelState: { pending: 'Attend son numéro', printed: 'Imprimée', voided: 'Annulée' },
    noCartonsHere:
      'Aucune expédition de cette commande n’a été confirmée sur ce poste : réimprimez ses étiquettes là où elle a été emballée',
    reprint: 'Réimprimer les étiquettes (CMD:REPRINT)',
    back: 'Retour à la file (CMD:DONE)',
    scanReprintOrDone: 'Scannez CMD:REPRINT pour les étiquettes, ou CMD:DONE pour la file',
  },
  work: {
    navigation: 'Poste',
    backToQueue: 'Retour à la file',
    back: 'Retour',
    notFound: 'La commande {{id}} n’est plus sur ce poste',
    stopTitle: 'STOP : annulée, ne pas expédier',
    stopCancelled: 'STOP : cette commande a été annulée. Ne l’expédiez pas',
  },
  putBack: {
    cancelled:
      'La commande {{order}} a été annulée. Rien ne doit partir : remettez en place ce qui a été prélevé.',
    releasedTitle: 'Rendue à la file',
    releasedBy: {
      timeout:
        'La commande {{order}} n’a pas avancé depuis trop longtemps et est retournée dans la file pour tous les postes.',
      lead: 'Votre responsable a rendu la commande {{order}} à la file pour tous les postes.',
      station:
        'La commande {{order}} est retournée dans la file quand son emballeur s’est déconnecté.',
    },
    note: 'Note de votre responsable : {{note}}',
    explain: 'Remettez ces articles dans leurs emplacements :',
    nothingPicked: 'Rien n’a été prélevé pour cette commande.',
    quantity: 'Quantité',
    from: 'Actuellement dans',
    toBin: 'Retour à l’emplacement',
    inTote: 'bac {{tote}}',
    inCartons: 'carton {{cartons}}',
    onBench: 'sur la table d’emballage',
    cartonLabelVoided:
      'Carton {{sscc}} : étiquette et numéro de carton annulés. Retirez et détruisez son étiquette.',
    cartonVoided:
      'Carton {{sscc}} : numéro de carton annulé. Videz le carton ; il peut être réutilisé.',
    confirm: 'Tout est remis en place (CMD:DONE)',
    takeBack: 'Reprendre la commande',
    done: 'Remis en place : commande {{order}}',
    takenBack: 'La commande {{order}} est de nouveau à vous',
    scanDone: 'Remettez les articles en place, puis scannez CMD:DONE',
    finished:
      'La commande {{order}} a été annulée ; ce qui avait été prélevé est de retour dans ses emplacements.',
    givenBack:
      'La commande {{order}} est retournée dans la file ; rien n’a été prélevé pour elle ici.',
  },
  pick: {
    title: 'Préparation {{order}}',
    goToBin: 'Allez à l’emplacement {{bin}} et scannez-le',
    scanItem: 'Scannez {{name}} — encore {{remaining}}',
    bin: 'Emplacement',
    item: 'Article',
    ordered: 'Commandé',
    pickedColumn: 'Prélevé',
    short: 'Manquant',
    binConfirmed: 'Emplacement {{bin}}',
    wrongBin: 'Mauvais emplacement {{scanned}} : allez à {{expected}}',
    nothingInBin: 'Rien à prélever dans l’emplacement {{scanned}}',
    scanBinFirst: 'Scannez d’abord l’emplacement {{bin}}',
    picked: '{{name}} : encore {{remaining}}',
    overPick: 'Trop d’articles : {{name}} est déjà complet. Remettez-le en place',
    shorted: '{{name}} : {{quantity}} manquant(s), signalé',
    complete: 'Préparation terminée : passez à l’emballage',
    howManyMore: 'Combien de {{name}} encore ? (encore {{remaining}})',
    howManyHint: 'Tapez un nombre et appuyez sur Entrée, ou continuez à scanner un par un.',
    shortTitle: 'Prélèvement incomplet',
    shortQuestion: 'Pourquoi manque-t-il {{quantity}} × {{name}} ?',
    shortHint: 'Appuyez sur 1–4, ou Échap pour revenir.',
    shortButton: 'Signaler un manquant (CMD:SHORT)',
    reason: {
      not_found: 'Absent de l’emplacement',
      damaged: 'Endommagé',
      wrong_item_in_bin: 'Mauvais article dans l’emplacement',
      other: 'Autre',
    },
  },
  batch: {
    size: 'Commandes par lot',
    start_one: 'Préparer un lot de {{count}} commande (CMD:BATCH)',
    start_other: 'Préparer un lot de {{count}} commandes (CMD:BATCH)',
    resume: 'Reprendre votre lot',
    nothingToBatch: 'Rien à regrouper : chaque commande de la liste est déjà commencée',
    started_one: 'Lot de {{count}} commande : scannez un bac pour elle',
    started_other: 'Lot de {{count}} commandes : scannez un bac pour chacune',
    notFound: 'Ce lot n’est plus sur ce poste',
    title_one: 'Préparation par lot : {{count}} commande',
    title_other: 'Préparation par lot : {{count}} commandes',
    order: 'Commande',
    tote: 'Bac',
    scanToteFor: 'Scannez un bac vide (T:…) pour la commande {{order}} ({{number}} sur {{count}})',
    toteHint:
      'CMD:UNDO reprend le dernier bac. CMD:CANCEL : retour à la file, le lot reste en attente.',
    scanToteFirst: 'Scannez d’abord un bac (T:…) pour la commande {{order}}',
    toteAssigned: 'Le bac {{tote}} est pour la commande {{order}}',
    toteInBatch: 'Le bac {{tote}} est déjà pour la commande {{order}} : scannez un autre bac',
    toteBusy:
      'Le bac {{tote}} contient encore la commande {{order}}, pas encore emballée : prenez un bac vide',
    totesComplete: 'Chaque commande a son bac',
    nothingToUndo: 'Aucun bac à reprendre',
    toteUndone: 'Bac retiré de la commande {{order}} : scannez à nouveau son bac',
    scanItem: 'Scannez {{name}} pour le bac {{tote}} — encore {{remaining}}',
    intoTote: 'DANS LE BAC {{tote}} : {{name}} pour {{order}}, encore {{remaining}}',
    putIn: 'Mettre dans le bac',
    putWhat: '{{quantity}} × {{name}} · commande {{order}}',
    cancelledTote:
      'La commande {{order}} a été annulée : mettez le bac {{tote}} de côté, ne prélevez plus rien pour elle',
    complete: 'Lot préparé : apportez les bacs à l’emballage',
    scanToteToPack: 'Scannez un bac (T:…) pour emballer sa commande, ou CMD:DONE pour la file',
    toteNotInBatch: 'Le bac {{tote}} ne fait pas partie de ce lot',
    backToQueue: 'Retour à la file (CMD:DONE)',
    givenBack:
      'Ce lot a été rendu à la file (pas d’avancement depuis trop longtemps, ou par votre responsable). Remettez en place ce que vous avez prélevé : la file l’indique.',
  },
  pack: {
    title: 'Emballage {{order}}',
    fromTote: 'Du bac {{tote}}',
    scanBox: 'Scannez un carton (BOX:…) pour l’ouvrir',
    scanItems: 'Scannez chaque article dans le carton {{number}}',
    weighAndConfirm: 'Tout est emballé : pesez chaque carton, puis confirmez (CMD:DONE)',
    packedOf: 'Emballé',
    cartonN: 'Carton {{number}}',
    emptyCarton: 'Vide',
    moveTo: '→ carton {{number}}',
    removeCarton: 'Retirer le carton vide',
    expectedWeight: 'Attendu {{weight}}',
    weightLabel: 'Poids du carton {{number}}',
    weightPlaceholder: 'grammes ou kg',
    weightOk: 'Pesé {{weight}} ✓',
    weightOff: 'Pesé {{weight}} : attendu {{min}}–{{max}}',
    lot: 'lot {{lot}}',
    expiry: 'DLUO {{date}}',
    serial: 'n° de série {{serial}}',
    packed: '{{name}} dans le carton {{carton}} : {{packed}} sur {{expected}}',
    overScan: 'Trop d’articles : tous les {{name}} sont déjà emballés. Retirez-le',
    openCartonFirst: 'Scannez d’abord un carton pour l’ouvrir',
    needsTrace:
      '{{name}} nécessite son lot, sa date de péremption et son numéro de série : scannez le code GS1 de l’article',
    duplicateSerial: 'Le numéro de série {{serial}} a déjà été emballé',
    unknownBox: 'Type de carton inconnu {{box}}',
    cartonOpened: 'Carton {{number}} ouvert ({{box}})',
    noSscc: 'Impossible de numéroter le carton : {{message}}',
    undone: 'Dernier article retiré',
    scanBoxForNext: 'Scannez un carton pour ouvrir le suivant',
    typeWeight: 'Tapez le poids du carton et appuyez sur Entrée',
    weightUnreadable: 'Ce n’est pas un poids : tapez des grammes (1250) ou des kilos (1,25 kg)',
    weighed: 'Poids correct',
    weighedOff: 'Poids incorrect : vérifiez s’il manque un article ou s’il y en a un de trop',
    cannotConfirm_one: 'Confirmation impossible pour l’instant : {{count}} point à corriger',
    cannotConfirm_other: 'Confirmation impossible pour l’instant : {{count}} points à corriger',
    confirm: 'Confirmer l’expédition (CMD:DONE)',
    confirmed: 'Expédition confirmée : les étiquettes s’impriment',
    confirmedNoLabels:
      'Expédition confirmée, mais les étiquettes n’ont été envoyées à aucune imprimante',
    confirmedLabelsPending_one:
      'Expédition confirmée : {{count}} étiquette attend son numéro de suivi et s’imprimera dès que possible ({{reason}})',
    confirmedLabelsPending_other:
      'Expédition confirmée : {{count}} étiquettes attendent leur numéro de suivi et s’imprimeront dès que possible ({{reason}})',
    confirmedOwnCarrier:
      'Expédition confirmée avec des numéros de suivi du transport propre : {{reason}}',
    alreadyConfirmed:
      'Cette expédition est confirmée : scannez CMD:REPRINT pour réimprimer ses étiquettes, ou CMD:DONE pour la commande suivante',
    resolveRefusalFirst: 'Résolvez d’abord l’expédition refusée',
    waitingForCentral: 'Confirmée : en attente de l’OMS central',
    accepted: 'Expédition acceptée par l’OMS central',
    nextOrder: 'Commande suivante',
    blocker: {
      'no-cartons': 'Aucun carton ouvert',
      'not-all-packed': '{{name}} : {{packed}} sur {{expected}} emballé(s)',
      'empty-carton': 'Le carton {{cartonNumber}} est vide',
      'not-weighed': 'Le carton {{cartonNumber}} n’est pas pesé',
      'weight-off':
        'Le carton {{cartonNumber}} pèse {{actualGrams}} g, attendu environ {{expectedGrams}} g',
    },
  },
  problem: {
    refusedTitle: 'PROBLÈME : l’OMS central a refusé cette expédition',
    refusedReason: 'Motif : {{reason}}',
    voidExplain:
      'N’expédiez pas. Retirez et détruisez les étiquettes de {{count}} carton(s), puis annulez-les ici.',
    voidLabels: 'Étiquettes retirées : les annuler',
    voided:
      'Étiquettes annulées. Remettez les articles en place selon les consignes de votre responsable.',
  },
  scanner: {
    open: 'Tester le scanner',
    title: 'Testez votre scanner',
    explain:
      'Scannez n’importe quel code-barres. Vous voyez exactement ce que le scanner a envoyé et comment le poste l’a lu.',
    raw: 'Caractères reçus',
    codes: 'Codes des caractères',
    readAs: 'Lu comme',
    read: 'Scan lu',
    notRead: 'Scan non reconnu',
    layoutMismatch:
      'Disposition du clavier incorrecte : le scanner tape en US-QWERTY sur ce poste {{layout}}. Il voulait dire « {{repaired}} ». Réglez le scanner sur la disposition du poste.',
    layoutMismatchUnknown:
      'Disposition du clavier incorrecte : le scanner tape en US-QWERTY sur ce poste AZERTY. Il voulait dire « {{repaired}} ». Réglez le scanner sur la disposition du poste.',
    settings: 'Réglages du scanner pour ce poste',
    prefix: 'Préfixe (laisser vide s’il n’y en a pas)',
    suffix: 'Suffixe',
    noSuffix: 'Aucun (une pause termine le scan)',
    maxGap: 'Pause la plus longue entre les caractères d’un scan (ms)',
    minLength: 'Scan le plus court (caractères)',
    fnc1: 'Caractère envoyé par le scanner pour FNC1 (si ce n’est pas GS)',
    save: 'Enregistrer les réglages',
    close: 'Retour',
  },
  returns: {
    open: 'Retours',
    title: 'Réception des retours',
    scanReturn:
      'Scannez l’étiquette RMA, le numéro de commande, ou le numéro de suivi ou SSCC du colis',
    typeCode: 'Ou tapez un numéro de RMA, de commande ou de suivi',
    find: 'Rechercher',
    noRma: 'Sans RMA : retour inattendu',
    noRmaShort: 'Sans RMA',
    recent: 'Colis réceptionnés sur ce poste',
    receivedAt: 'Reçu le',
    rma: 'RMA',
    units: 'Unités',
    status: 'Statut',
    found: 'Retour {{code}} de {{customer}} : scannez les articles',
    foundNextParcel:
      'Retour {{code}} de {{customer}} : un colis supplémentaire. Ce qui est arrivé avant est compté : scannez les articles',
    expired:
      'Le retour {{code}} a expiré le {{date}} et n’accepte plus de colis. Mettez le colis de côté pour le service client',
    resumed: 'Un colis du retour {{code}} est inachevé sur ce poste : le voici',
    notFound:
      'Aucun retour trouvé pour {{code}}. Vérifiez l’étiquette, ou réceptionnez-le comme retour inattendu',
    otherWarehouse:
      'Le retour {{code}} appartient à l’entrepôt {{warehouse}} : ne le réceptionnez pas ici. Demandez à votre responsable de faire suivre le colis',
    notAwaiting:
      'Le retour {{code}} est {{status}} et n’accepte plus de colis. Mettez le colis de côté pour le service client',
    binWhereReturnExpected:
      'C’est l’emplacement {{bin}} : scannez d’abord l’étiquette de retour ou le numéro de commande',
    findReturnFirst:
      'C’est un article : trouvez d’abord le retour (étiquette RMA, numéro de commande ou de suivi), ou choisissez « retour inattendu »',
    titleRma: 'Retour {{code}}',
    titleUnexpected: 'Retour inattendu (sans RMA)',
    unexpectedExplain:
      'Sans RMA : ce colis est signalé au service client. Évaluez chaque article comme d’habitude.',
    customer: 'Client',
    order: 'Commande',
    reason: 'Motif',
    reasons: {
      wrong_size: 'Mauvaise taille',
      damaged: 'Endommagé',
      not_as_described: 'Non conforme à la description',
      arrived_late: 'Arrivé en retard',
      changed_mind: 'Changement d’avis',
      other: 'Autre',
    },
    receivedOf: 'Reçu / autorisé',
    inParcel_one: 'Dans ce colis : {{count}} article',
    inParcel_other: 'Dans ce colis : {{count}} articles',
    scanItems: 'Scannez chaque article du colis',
    scanItem: 'Scannez un article du colis',
    itemScanned: '{{name}} : évaluez-le avec 1–4',
    itemFlagged: {
      wrong_item:
        'MAUVAIS ARTICLE : {{name}} ne fait pas partie de ce retour. Évaluez-le ; il est signalé au service client',
      extra:
        'EN TROP : plus de {{name}} qu’autorisé. Évaluez-le ; il est signalé au service client',
    },
    unknownProduct:
      'Code-barres inconnu : ce produit n’est pas au catalogue. Mettez-le de côté pour le service client',
    gradeFirst: 'Évaluez d’abord cet article (1–4)',
    dispositionFirst: 'Choisissez d’abord le sort de cet article (1–4, Entrée pour la suggestion)',
    gradeQuestion: 'État de {{name}} ?',
    gradeHint: 'Appuyez sur 1–4. Échap : pas cet article.',
    dispositionQuestion: 'Note {{grade}} : que devient {{name}} ?',
    dispositionHint: 'Appuyez sur 1–4, ou Entrée pour la suggestion. Échap : réévaluer.',
    suggested: 'suggéré',
    itemNote: 'Note (facultative)',
    grade: { A: 'Revendable', B: 'Emballage ouvert', C: 'Endommagé', D: 'Pièces manquantes' },
    disposition: {
      restock: 'Remise en stock dans un emplacement',
      quarantine: 'Quarantaine',
      scrap: 'Mise au rebut',
      return_to_vendor: 'Retour au fournisseur',
    },
    match: { wrong_item: 'MAUVAIS ARTICLE', extra: 'EN TROP' },
    scanBin: 'Scannez l’emplacement où va cet article (B:…)',
    scanBinFor: 'Remise en stock de {{name}} : scannez l’emplacement où il va',
    homeBin: 'Son emplacement habituel : {{bin}}',
    noHomeBin: 'Pas encore d’emplacement habituel ici : scannez un emplacement vide',
    binHoldsOther:
      'L’emplacement {{bin}} contient {{others}}, pas cet article. Scannez à nouveau {{bin}} (ou confirmez) pour l’y ranger quand même, ou scannez un autre emplacement',
    confirmBin: 'Le ranger quand même dans {{bin}}',
    unknownBin:
      'L’emplacement {{bin}} n’appartient pas à cet entrepôt : scannez un autre emplacement',
    binWhereItemExpected:
      'C’est l’emplacement {{bin}}, pas un article : scannez l’article du colis',
    itemWhereBinExpected:
      'C’est un article, pas un emplacement : scannez l’emplacement (B:…) où va cet article',
    restocked: '{{name}} (note {{grade}}) remis en stock dans {{bin}}',
    quarantined: '{{name}} (note {{grade}}) en quarantaine : étiquette de réception en impression',
    quarantinedNoPrinter:
      '{{name}} en quarantaine. Aucune imprimante d’étiquettes configurée : écrivez le RMA sur l’article et configurez une imprimante sous Imprimantes',
    set: {
      scrap: '{{name}} (note {{grade}}) mis au rebut',
      return_to_vendor: '{{name}} (note {{grade}}) à retourner au fournisseur',
    },
    finishFirst: 'Terminez d’abord ce colis (CMD:DONE)',
    finishItemFirst: 'Terminez d’abord l’évaluation de l’article',
    nothingScanned: 'Scannez au moins un article avant de terminer le colis',
    nothingToUndo: 'Rien à annuler',
    undone: 'Dernier article retiré',
    regrade: 'Réévaluer l’article',
    receiptNote: 'Note pour l’ensemble du colis (facultative)',
    unexpectedNote: 'Qui l’a envoyé, ce qu’il contient (pour le service client)',
    finish: 'Terminer le colis',
    submitted_one: 'Colis terminé : {{count}} article',
    submitted_other: 'Colis terminé : {{count}} articles',
    parcelFinished: 'Ce colis est terminé : scannez CMD:DONE pour le suivant',
    refusedCorrect: 'L’OMS central a refusé ce colis : corrigez-le d’abord',
    correct: 'Corriger et renvoyer',
    nextParcel: 'Colis suivant',
    state: {
      open: 'En cours de réception',
      waiting:
        'En attente d’envoi : enregistré sur ce poste, envoyé dès que l’OMS central est de retour',
      sent: 'Envoyé, en attente de l’OMS central',
      acceptedRefund: 'Accepté par l’OMS central : remboursement de {{amount}}',
      acceptedNoRefund: 'Accepté par l’OMS central : pas de remboursement',
      refused: 'Refusé par l’OMS central : {{reason}}',
    },
  },
  receiving: {
    open: 'Réception',
    title: 'Réception des livraisons fournisseurs',
    scanPo: 'Scannez le numéro de commande d’achat sur le bon de livraison, ou saisissez-le',
    typePo: 'Ou saisissez le numéro de commande',
    find: 'Ouvrir',
    titlePo: 'Réception {{po}} de {{supplier}}',
    opened: 'Commande d’achat {{po}} de {{supplier}} : scannez les articles',
    openedOffline:
      'Hors ligne : commande d’achat {{po}} telle que ce poste l’a vue en dernier. Les scans sont enregistrés et envoyés plus tard',
    cachedCopy:
      'Copie hors ligne de cette commande du {{at}} : ce que d’autres postes ont reçu depuis n’y figure pas',
    notReceivable: 'La commande d’achat {{po}} est {{status}} : rien à recevoir',
    scanItem: 'Scannez un article (ou un emplacement pour choisir où vont les articles)',
    scanPoFirst: 'Scannez d’abord la commande d’achat',
    scanBinFor:
      'Scannez l’emplacement pour {{quantity}} × {{name}} (scannez l’article à nouveau pour un de plus, ou saisissez la quantité)',
    complete:
      'Tout ce qui a été commandé est arrivé. Scannez CMD:DONE pour terminer, ou d’autres articles',
    itemScanned: '{{name}} : {{quantity}}. Scannez l’emplacement',
    itemNotOnPo:
      '{{name}} ne figure pas sur cette commande : il est enregistré comme inattendu. Scannez l’emplacement',
    binFirst: 'Scannez d’abord l’emplacement pour {{name}}, ou CMD:CANCEL pour l’abandonner',
    binChosen: 'Emplacement {{bin}} choisi',
    dropped: 'Abandonné : rien reçu',
    received: '{{quantity}} × {{name}} reçu(s) dans {{bin}}',
    receivedOver:
      'Surplus : {{quantity}} × {{name}} dans {{bin}}, {{over}} de plus que commandé. Enregistré comme surplus',
    receivedUnexpected:
      '{{quantity}} × {{name}} dans {{bin}} : hors commande, enregistré comme inattendu',
    saved: 'Enregistré, sera envoyé : {{quantity}} × {{name}} dans {{bin}}',
    savedOver:
      'Enregistré, sera envoyé : {{quantity}} × {{name}} dans {{bin}}. Surplus : {{over}} de plus que commandé',
    unknownItem: '{{code}} n’est pas un produit connu de ce poste : mettez-le de côté',
    unknownBin: '{{bin}} n’est pas un emplacement de cet entrepôt',
    palletNotPo:
      'C’est une étiquette de palette ou GS1 sans produit : scannez le numéro de commande sur le bon de livraison',
    invalidScan: 'Ce code n’est pas valide : scannez à nouveau',
    sku: 'SKU',
    name: 'Produit',
    ordered: 'Commandé',
    receivedSoFar: 'Reçu',
    remaining: 'Restant',
    notOnPo: 'hors commande',
    quantity: 'Quantité',
    bin: 'Emplacement',
    chooseBin: 'Choisir un emplacement',
    receiveInto: 'Recevoir dans l’emplacement',
    waiting_one: '1 scan enregistré, envoyé dès que l’OMS central est joignable',
    waiting_other: '{{count}} scans enregistrés, envoyés dès que l’OMS central est joignable',
    allSent: 'Tous les scans sont envoyés',
    refusedTitle: 'Refusés à l’envoi',
    refusedScan: '{{po}} : {{quantity}} × {{name}} dans {{bin}} : {{reason}}',
    error: {
      offline_not_cached:
        'Hors ligne, et la commande d’achat {{po}} n’a jamais été ouverte sur ce poste : ouvrez-la une fois en ligne',
      unknown_purchase_order: 'Aucune commande d’achat {{po}}',
      other_warehouse:
        'La commande d’achat {{po}} arrive dans un autre entrepôt : ne la recevez pas ici',
      not_receivable:
        'La commande d’achat {{po}} n’accepte plus de marchandises (reçue en totalité ou annulée)',
      unknown_item: 'L’OMS central ne connaît pas cet article : mettez-le de côté',
      unknown_bin: 'L’OMS central ne connaît pas l’emplacement {{bin}} dans cet entrepôt',
      not_enrolled: 'Ce poste n’est pas encore enregistré',
      other: 'Non reçu : {{message}}',
    },
  },
  reason: {
    not_warehouse_work: 'La commande {{fulfillmentId}} ne relève pas de l’entrepôt {{warehouse}}',
    fulfillment_cancelled:
      'La commande a été annulée au niveau central. Annulez l’étiquette et remettez les articles en place',
    already_shipped:
      'Déjà expédiée par le poste {{station}} (expédition {{shipmentId}}). Annulez cette étiquette et remettez les articles en place',
    fulfillment_on_hold:
      'La commande est en attente au niveau central. Ne l’expédiez pas ; demandez à votre responsable',
    item_not_on_fulfillment: '{{sku}} dans un carton ne fait pas partie de cette commande',
    over_packed: 'Plus de {{sku}} emballés que commandés ({{packed}} sur {{ordered}})',
    no_items: 'L’expédition ne contient aucun article',
    sscc_reused:
      'Le numéro de carton (SSCC) {{sscc}} a déjà été utilisé ou annulé : ouvrez un nouveau carton',
    sscc_twice:
      'Le numéro de carton (SSCC) {{sscc}} figure sur deux cartons de cette expédition : annulez une étiquette et imprimez-en une nouvelle',
    stock_short:
      'Seulement {{onHand}} × {{sku}} en stock à {{warehouse}}, et l’expédition en prend {{shipped}} : comptez les emplacements et demandez à votre responsable',
    receipt_bad_date: 'L’heure de réception « {{receivedAt}} » n’est pas une date et heure',
    receipt_duplicate_item: 'L’article {{itemId}} figure deux fois sur la réception',
    receipt_unknown_product:
      '{{sku}} n’est pas un produit que nous vendons : mettez-le de côté pour le service client',
    receipt_restock_without_bin:
      '{{sku}} doit être remis en stock mais aucun emplacement n’a été scanné : scannez l’emplacement où il va',
    receipt_foreign_bin:
      'L’emplacement {{bin}} n’appartient pas à l’entrepôt {{warehouse}} : scannez un emplacement de cet entrepôt',
    receipt_unknown_rma:
      'Le RMA {{rma}} est inconnu de l’OMS central : réceptionnez le colis comme retour inattendu',
    receipt_rma_other_warehouse:
      'Le RMA {{rma}} appartient à l’entrepôt {{warehouse}}, pas à {{stationWarehouse}} : ne le réceptionnez pas ici ; demandez à votre responsable de faire suivre le colis',
    receipt_rma_already_received:
      'Le RMA {{rma}} a déjà reçu toutes les unités autorisées (le dernier colis a été réceptionné par le poste {{station}}, réception {{receiptId}}) ; rien n’a été comptabilisé deux fois. Mettez le colis de côté pour le service client',
    receipt_rma_closed:
      'Le RMA {{rma}} est {{status}} et n’accepte plus de colis. Mettez le colis de côté pour le service client',
    receipt_rma_closed_by:
      'Le RMA {{rma}} a été clôturé par {{actor}} ({{note}}) et n’accepte plus de colis. Mettez le colis de côté pour le service client',
    receipt_rma_rejected:
      'Le RMA {{rma}} a été refusé ({{note}}) et n’accepte plus de colis. Mettez le colis de côté pour le service client',
    receipt_rma_expired:
      'Le RMA {{rma}} a expiré le {{date}} et n’accepte plus de colis. Mettez le colis de côté pour le service client',
    receipt_not_on_rma: '{{sku}} ne figure pas sur ce RMA : marquez-le comme mauvais article',
    receipt_above_authorised:
      '{{received}} × {{sku}} reçus comme prévu, mais le RMA attend {{awaited}} des {{authorised}} autorisés : marquez le reste comme en trop',
    receipt_above_paid:
      'Le remboursement de {{refund}} dépasserait le reste du montant payé ({{left}} sur {{paid}}) ; le service client doit l’examiner',
    no_sscc_numbers:
      'Ce poste n’a plus de numéros de carton (SSCC) ; connectez-le à l’OMS central pour en obtenir d’autres',
    no_tracking_numbers:
      'Ce poste n’a plus de numéros de suivi ; connectez-le à l’OMS central pour en obtenir d’autres',
    carrier_online_only:
      '{{carrier}} numérote les cartons uniquement en ligne ; l’étiquette s’imprimera quand le poste sera de nouveau en ligne',
    carrier_timeout: '{{carrier}} n’a pas répondu dans les {{ms}} ms',
    carrier_unreachable: '{{carrier}} est injoignable ({{detail}})',
    carrier_key_refused:
      '{{carrier}} a refusé la clé API du poste (HTTP {{status}}) ; demandez à votre responsable',
    carrier_request_refused: '{{carrier}} a refusé la demande : {{detail}}',
    carrier_rate_limited: '{{carrier}} limite les demandes ; nouvel essai sous peu',
    carrier_failed: 'Le service de {{carrier}} a échoué (HTTP {{status}})',
    carrier_bad_answer: '{{carrier}} a répondu sans numéro de suivi valide',
    carrier_not_configured:
      '{{carrier}} n’est pas configuré sur ce poste ; numéroté comme transport propre',
    carrier_no_adapter:
      'Ce poste ne peut pas numéroter les cartons {{carrier}} ; numéroté comme transport propre',
    carrier_credentials_refused:
      '{{carrier}} a refusé les identifiants de cet entrepôt (HTTP {{status}}) ; un administrateur les vérifie dans le back-office',
    carrier_bad_label:
      '{{carrier}} a répondu sans étiquette exploitable ; nouvelle demande en cours',
    carrier_needs_customs:
      '{{carrier}} a besoin des lignes douanières pour un colis à destination de {{country}}',
    carrier_does_not_serve: '{{carrier}} ne livre pas de colis vers {{country}}',
    carrier_no_shipping_option:
      '{{carrier}} n’a pas d’option d’expédition pour le service {{service}} ; un administrateur l’ajoute dans le back-office',
    carrier_settings_unknown:
      'Les paramètres des transporteurs ne sont pas encore arrivés sur ce poste ; l’étiquette {{carrier}} s’imprimera dès que l’OMS central répondra',
    carrier_no_credentials:
      'Aucun identifiant {{carrier}} pour cet entrepôt ; l’étiquette attend qu’un administrateur les saisisse dans le back-office',
    carrier_credentials_unusable:
      'Les identifiants {{carrier}} de cet entrepôt sont inutilisables ; un administrateur les saisit à nouveau dans le back-office',
    carrier_no_label_adapter:
      'Ce poste ne peut pas créer d’étiquettes {{carrier}} ; l’étiquette attend',
    carrier_fallback_own:
      'Pas d’étiquette {{carrier}} ici ; étiqueté comme transport propre, comme le back-office l’autorise pour cet entrepôt',
    carrier_needs_parcel:
      '{{carrier}} a besoin des adresses et du poids du carton pour créer son étiquette',
    carrier_no_day_close:
      "{{carrier}} n'a pas de clôture de fin de journée à ce poste (absente de son API ou identifiants manquants)",
    carrier_label_online_only:
      '{{carrier}} crée ses étiquettes uniquement en ligne ; l’étiquette s’imprimera quand le poste sera de nouveau en ligne',
  },
  language: {
    label: 'Langue',
    en: 'English',
    nl: 'Nederlands',
    de: 'Deutsch',
    fr: 'Français',
  },
};
