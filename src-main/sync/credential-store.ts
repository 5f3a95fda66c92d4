// Where a station keeps its enrolment: the central OMS URL, station id and token. Electron
// encrypts it with the OS keychain (safeStorage); the web host keeps a file only its owner may
// read. Either way the renderer never sees the token.
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';

export const StationCredentials = z.object({
  centralUrl: z.string(),
  stationId: z.string(),
  stationName: z.string(),
  warehouseCode: z.string(),
  token: z.string().min(16),
});
export type StationCredentials = z.infer<typeof StationCredentials>;

export interface CredentialStore {
  load(): Promise<StationCredentials | null>;
  save(credentials: StationCredentials): Promise<void>;
  clear(): Promise<void>;
}

/** Encrypts before writing; the web host passes identity functions (the file mode protects it). */
export interface Cipher {
  encrypt(plain: string): Buffer;
  decrypt(data: Buffer): string;
}

const plainCipher: Cipher = {
  encrypt: (s) => Buffer.from(s, 'utf8'),
  decrypt: (b) => b.toString('utf8'),
};

export function fileCredentialStore(path: string, cipher: Cipher = plainCipher): CredentialStore {
  return {
    async load() {
      const data = await readFile(path).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return null;
        throw err;
      });
      if (!data) return null;
      const parsed = StationCredentials.safeParse(JSON.parse(cipher.decrypt(data)));
      if (!parsed.success)
        throw new Error(`Station credentials in ${path} are damaged; enrol the station again`);
      return parsed.data;
    },
    async save(credentials) {
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      const tmp = `${path}.tmp`;
      await writeFile(tmp, cipher.encrypt(JSON.stringify(StationCredentials.parse(credentials))), {
        mode: 0o600,
      });
      await chmod(tmp, 0o600);
      await rename(tmp, path);
    },
    async clear() {
      await rm(path, { force: true });
    },
  };
}
