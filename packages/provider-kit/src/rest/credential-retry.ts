/** A cached vendor credential (an app token, a UserSig), which the vendor may refuse before its expiry. */
export interface CredentialCache {
  get(): string | Promise<string>;
  /** Forget `value` after the vendor refused it, so that the next `get` makes a new one. */
  invalidate(value: string): void;
}

/**
 * Makes one vendor call with the cached credential. When the vendor refuses the credential (`refused`), it
 * is dropped and the call made once more with a fresh one, within what is left of `timeoutMs`: vendors
 * document that a token or signature may die early, and a second refusal is the vendor's answer.
 */
export async function callWithFreshCredential<Answer>(
  credentials: CredentialCache,
  timeoutMs: number,
  call: (credential: string, timeoutMs: number) => Promise<Answer>,
  refused: (answer: Answer) => boolean,
  now: () => number = Date.now,
): Promise<Answer> {
  const started = now();
  const credential = await credentials.get();
  const answer = await call(credential, timeoutMs);
  if (!refused(answer)) return answer;
  credentials.invalidate(credential);
  return call(await credentials.get(), Math.max(1, timeoutMs - (now() - started)));
}
