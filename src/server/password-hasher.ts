/**
 * Password hashing behind an interface, so tests can pass cheaper parameters: argon2id with
 * m = 19456 KiB, t = 2, p = 1 (OWASP's recommendation, about 100 ms here) in production.
 */
import { hash, verify } from "@node-rs/argon2";

/** Hashes and checks passwords; hashes are PHC strings (`$argon2id$v=19$m=…`). */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(phc: string, password: string): Promise<boolean>;
}

/** argon2id cost parameters. */
export interface Argon2Params {
  readonly memoryCost: number;
  readonly timeCost: number;
  readonly parallelism: number;
}

/** The production parameters: argon2id, m = 19456 KiB, t = 2, p = 1. */
export const PRODUCTION_ARGON2: Argon2Params = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

/** Cheap parameters for tests only (same algorithm, ~1 ms). */
export const TEST_ARGON2: Argon2Params = { memoryCost: 256, timeCost: 1, parallelism: 1 };

// `Algorithm` is a const enum in the binding's types, which isolatedModules cannot import: 2 is Argon2id.
const ARGON2ID = 2;

/**
 * An argon2id hasher.
 *
 * @example
 * const hasher = argon2Hasher();
 * const phc = await hasher.hash("correct horse");
 * await hasher.verify(phc, "correct horse"); // true
 */
export function argon2Hasher(params: Argon2Params = PRODUCTION_ARGON2): PasswordHasher {
  const options = { ...params, algorithm: ARGON2ID as never };
  return {
    hash: (password) => hash(password, options),
    verify: async (phc, password) => {
      try {
        return await verify(phc, password);
      } catch {
        return false;
      }
    },
  };
}
