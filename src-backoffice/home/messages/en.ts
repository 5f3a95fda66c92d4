export default {
  nav: 'Start',
  title: 'Start',
  greeting: 'Welcome, {{name}}',
  yourRoles: 'Your roles: {{roles}}.',
};
