export default {
  nav: 'My account',
  title: 'My account',
  changePassword: 'Change password',
  current: 'Current password',
  wrongPassword: 'The current password is wrong.',
  changed: 'Your password is changed. Your other sessions are signed out.',
  sessions: 'Sessions',
  everywhereExplain: 'Signs you out on every computer, this one too.',
  everywhere: 'Sign out everywhere',
};
