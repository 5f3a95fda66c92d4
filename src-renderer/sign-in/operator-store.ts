// Who is packing at this station right now. Kept in sessionStorage: a reload (or a crash of the
// window) keeps the packer signed in, closing the station signs them out.
import i18next from 'i18next';
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { OperatorDoc } from '../../shared/sync/documents';

export interface SignedInOperator {
  id: string;
  name: string;
  badge: string;
  locale: OperatorDoc['locale'];
}

interface OperatorState {
  operator: SignedInOperator | null;
  /** The station's own language, restored when the operator signs out. */
  stationLanguage: string | null;
  signIn(operator: SignedInOperator): void;
  signOut(): void;
}

export const useOperator = create<OperatorState>()(
  persist(
    (set, get) => ({
      operator: null,
      stationLanguage: null,
      signIn(operator) {
        set({ operator, stationLanguage: get().stationLanguage ?? i18next.language });
        void i18next.changeLanguage(operator.locale);
      },
      signOut() {
        const stationLanguage = get().stationLanguage;
        set({ operator: null, stationLanguage: null });
        if (stationLanguage) void i18next.changeLanguage(stationLanguage);
      },
    }),
    { name: 'station.operator', storage: createJSONStorage(() => sessionStorage) },
  ),
);
