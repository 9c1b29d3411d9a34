// Password hashing: Argon2id through a native binding, at OWASP's minimum cost or above.
import { hash, verify } from "@node-rs/argon2";

// 19 MiB of memory, 2 iterations, 1 lane (OWASP Password Storage Cheat Sheet). algorithm 2 = Argon2id.
export const ARGON2ID_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID_OPTIONS);
}

/** False for a wrong password and for a malformed hash alike. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
