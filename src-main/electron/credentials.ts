// The station token under Electron: encrypted with the OS keychain through safeStorage.
import { safeStorage } from 'electron';
import { fileCredentialStore, type CredentialStore } from '../sync/credential-store';

export function safeStorageCredentialStore(path: string): CredentialStore {
  return fileCredentialStore(path, {
    encrypt(plain) {
      if (!safeStorage.isEncryptionAvailable())
        throw new Error('The OS keychain is not available to protect the station token');
      return safeStorage.encryptString(plain);
    },
    decrypt: (data) => safeStorage.decryptString(data),
  });
}
