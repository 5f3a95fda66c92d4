// Password hashing with argon2id (hash-wasm: WebAssembly, so no per-platform binary to install).
// Parameters are OWASP's first recommendation: 19 MiB of memory, 2 passes, 1 lane.
import { randomBytes } from 'node:crypto';
import { argon2id, argon2Verify } from 'hash-wasm';

const PARAMETERS = { parallelism: 1, iterations: 2, memorySize: 19_456, hashLength: 32 } as const;

export async function hashPassword(password: string): Promise<string> {
  return argon2id({
    ...PARAMETERS,
    password,
    salt: randomBytes(16),
    outputType: 'encoded',
  });
}

export async function verifyPassword(password: string, encodedHash: string): Promise<boolean> {
  try {
    return await argon2Verify({ password, hash: encodedHash });
  } catch {
    return false; // a malformed stored hash never signs anyone in
  }
}

let decoy: Promise<string> | undefined;
/** Spends the time of one verification, so an unknown e-mail answers as slowly as a known one. */
export async function verifyAgainstDecoy(password: string): Promise<void> {
  decoy ??= hashPassword(randomBytes(16).toString('hex'));
  await verifyPassword(password, await decoy);
}
