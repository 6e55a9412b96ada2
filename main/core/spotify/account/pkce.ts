import { createHash, randomBytes } from 'node:crypto';

/**
 * Proof Key for Code Exchange (RFC 7636) with S256: a fresh random verifier per sign-in, its
 * SHA-256 as the challenge sent with the authorization request, and the verifier itself sent
 * only with the code exchange. Whoever intercepts the code cannot use it without the verifier.
 */
export interface PkcePair {
  /** 64 random bytes, base64url: 86 characters of `[A-Za-z0-9_-]` (RFC 7636 allows 43–128). */
  readonly verifier: string;
  /** `BASE64URL(SHA256(verifier))`. */
  readonly challenge: string;
}

export function createPkcePair(): PkcePair {
  const verifier = randomBytes(64).toString('base64url');
  return { verifier, challenge: challengeOf(verifier) };
}

export function challengeOf(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/** The `state` of one sign-in: unguessable, so a callback Earshot did not start is refused. */
export function createState(): string {
  return randomBytes(24).toString('base64url');
}
