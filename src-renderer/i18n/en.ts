export const en = {
  app: { title: 'Packing station' },
  connectivity: {
    online: 'Online',
    offline: 'Offline',
    checking: 'Connecting…',
    central: 'Central OMS',
    lastContact: 'Last contact {{time}}',
    never: 'No contact yet',
    stationDown: 'Station service not running',
    retry: 'Check now',
  },
  home: {
    welcome: 'Ready to pack',
    offlineNote: 'Working offline: your work is saved on this station and sent when the central OMS is back.',
  },
  language: { label: 'Language', en: 'English', nl: 'Nederlands' },
};
export type Messages = typeof en;
