import type { Messages } from './en';

export const nl: Messages = {
  app: { title: 'Inpakstation' },
  connectivity: {
    online: 'Online',
    offline: 'Offline',
    checking: 'Verbinden…',
    central: 'Centrale OMS',
    lastContact: 'Laatste contact {{time}}',
    never: 'Nog geen contact',
    stationDown: 'Stationdienst draait niet',
    retry: 'Nu controleren',
  },
  home: {
    welcome: 'Klaar om in te pakken',
    offlineNote: 'Offline aan het werk: je werk wordt op dit station bewaard en verstuurd zodra de centrale OMS terug is.',
  },
  language: { label: 'Taal', en: 'English', nl: 'Nederlands' },
};
