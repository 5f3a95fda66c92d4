import type en from './en';

export default {
  nav: 'Utilisateurs',
  title: 'Utilisateurs',
  caption: 'Personnes qui se connectent au back-office',
  new: 'Nouvel utilisateur',
  edit: 'Modifier l’utilisateur',
  email: 'Adresse e-mail',
  name: 'Nom',
  roles: 'Rôles',
  status: 'Statut',
  active: 'Actif',
  inactive: 'Désactivé',
  activeLabel: 'Actif (une personne désactivée est déconnectée et ne peut plus se connecter)',
  created: 'Créé le',
  search: 'Le nom ou l’e-mail contient',
  language: 'Langue',
  firstPassword: 'Premier mot de passe',
  passwordHint:
    'Au moins {{count}} caractères ; communiquez-le à la personne, qui pourra le changer.',
  rolesNeeded: 'Choisissez au moins un rôle.',
  leadWarehouses: 'Entrepôts dirigés par ce responsable',
  leadWarehousesHint: 'Codes d’entrepôt séparés par des virgules, p. ex. NL-TIL.',
  emailTaken: 'Cette adresse e-mail a déjà un compte.',
  leadNeedsWarehouse: 'Un responsable d’entrepôt a besoin d’au moins un entrepôt.',
  unknownWarehouse: 'Aucun entrepôt ne porte ce code.',
  warehousesWithoutLead: 'Seul un responsable d’entrepôt a des entrepôts.',
  lastAdmin:
    'C’est le dernier administrateur actif ; nommez d’abord quelqu’un d’autre administrateur.',
} satisfies typeof en;
