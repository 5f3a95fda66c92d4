export default {
  title: 'Sign in',
  email: 'E-mail address',
  emailInvalid: 'Enter an e-mail address.',
  password: 'Password',
  submit: 'Sign in',
  forgot: 'Forgot your password?',
  failed: 'The e-mail address or the password is wrong.',
  locked:
    'This account is locked after too many failed sign-ins, until {{time}}. Try again then, or reset the password.',
  tooMany: 'Too many failed sign-ins from this computer. Wait a quarter of an hour.',
  resetTitle: 'Reset your password',
  resetExplain:
    'Enter the e-mail address of your account. We send you a link to choose a new password.',
  resetSubmit: 'Send the link',
  resetSent:
    'If that address has an account, a link is on its way. It works once and for one hour.',
  backToSignIn: 'Back to sign in',
  newPasswordTitle: 'Choose a new password',
  newPassword: 'New password',
  repeatPassword: 'Repeat the new password',
  passwordHint: 'At least {{count}} characters.',
  passwordTooShort: 'Use at least {{count}} characters.',
  passwordsDiffer: 'The two passwords differ.',
  newPasswordSubmit: 'Set the password',
  newPasswordSet: 'Your password is set. Sign in with it.',
  linkInvalid: 'This link is unknown, used or expired. Ask for a new one.',
  askNewLink: 'Ask for a new link',
};
