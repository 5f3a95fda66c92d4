import type en from './en';

export default {
  title: 'Connexion',
  email: 'Adresse e-mail',
  emailInvalid: 'Saisissez une adresse e-mail.',
  password: 'Mot de passe',
  submit: 'Se connecter',
  forgot: 'Mot de passe oublié ?',
  failed: 'L’adresse e-mail ou le mot de passe est incorrect.',
  locked:
    'Ce compte est verrouillé après trop de tentatives de connexion échouées, jusqu’à {{time}}. Réessayez à ce moment-là ou réinitialisez le mot de passe.',
  tooMany:
    'Trop de tentatives de connexion échouées depuis cet ordinateur. Patientez un quart d’heure.',
  resetTitle: 'Réinitialiser votre mot de passe',
  resetExplain:
    'Saisissez l’adresse e-mail de votre compte. Nous vous envoyons un lien pour choisir un nouveau mot de passe.',
  resetSubmit: 'Envoyer le lien',
  resetSent:
    'Si cette adresse a un compte, un lien est en route. Il fonctionne une seule fois et pendant une heure.',
  backToSignIn: 'Retour à la connexion',
  newPasswordTitle: 'Choisir un nouveau mot de passe',
  newPassword: 'Nouveau mot de passe',
  repeatPassword: 'Répétez le nouveau mot de passe',
  passwordHint: 'Au moins {{count}} caractères.',
  passwordTooShort: 'Utilisez au moins {{count}} caractères.',
  passwordsDiffer: 'Les deux mots de passe sont différents.',
  newPasswordSubmit: 'Définir le mot de passe',
  newPasswordSet: 'Votre mot de passe est défini. Connectez-vous avec.',
  linkInvalid: 'Ce lien est inconnu, déjà utilisé ou expiré. Demandez-en un nouveau.',
  askNewLink: 'Demander un nouveau lien',
} satisfies typeof en;
