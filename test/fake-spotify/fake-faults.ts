/** The failure modes of SPOTIFY.md, injectable per request. */
export type Fault =
  /** 429 with `Retry-After`. */
  | { readonly kind: 'rate-limit'; readonly retryAfterSeconds: number }
  /** 429 whose body says `QUOTA_EXCEEDED`. */
  | { readonly kind: 'quota-exceeded'; readonly retryAfterSeconds?: number }
  | { readonly kind: 'server-error'; readonly status?: number }
  /** 200 with a body cut off mid-JSON. */
  | { readonly kind: 'malformed-json' }
  /** Headers and half a body, then nothing, ever (until `close()`). */
  | { readonly kind: 'hang' }
  /** The socket is destroyed without an answer. */
  | { readonly kind: 'drop-connection' }
  /** Every token issued so far stops working: this request and later ones get 401. */
  | { readonly kind: 'revoke-tokens' }
  | { readonly kind: 'premium-required' }
  /** 403 in plain text: a Development-Mode app refusing an account its owner did not add. */
  | { readonly kind: 'not-allow-listed' }
  /** A misbehaving proxy that echoes the request's Authorization header in a 502 page. */
  | { readonly kind: 'echo-authorization' }
  /** The real answer, with every paging object's `total` replaced by this (e.g. 1e9). */
  | { readonly kind: 'inflate-total'; readonly total: number }
  /** 200 with a valid JSON body of about `bytes` bytes, streamed as fast as it is read. */
  | { readonly kind: 'huge-body'; readonly bytes: number }
  /** 302 to `location`; the word `same` redirects to the request's own URL (a loop). */
  | { readonly kind: 'redirect'; readonly location: string };

export interface FaultRule {
  /** Requests whose path and query contain this text or match this pattern. Default: `/v1/`. */
  readonly match?: string | RegExp;
  /** Let this many matching requests through before the fault starts. Default 0. */
  readonly after?: number;
  /** How many matching requests get the fault. Default: every one after `after`. */
  readonly times?: number;
  readonly fault: Fault;
}

function isMatch(rule: FaultRule, path: string): boolean {
  const match = rule.match ?? '/v1/';
  return typeof match === 'string' ? path.includes(match) : match.test(path);
}

/** Counts matching requests per rule and says which fault, if any, the next one gets. */
export class FaultPlan {
  #rules: readonly FaultRule[] = [];
  #seen: number[] = [];

  constructor(rules: readonly FaultRule[] = []) {
    this.set(rules);
  }

  /** Replaces the rules and restarts their counts. */
  set(rules: readonly FaultRule[]): void {
    this.#rules = rules;
    this.#seen = rules.map(() => 0);
  }

  pick(path: string): Fault | undefined {
    let picked: Fault | undefined;
    this.#rules.forEach((rule, index) => {
      if (!isMatch(rule, path)) return;
      const seen = this.#seen[index] ?? 0;
      this.#seen[index] = seen + 1;
      const after = rule.after ?? 0;
      const inWindow = seen >= after && seen < after + (rule.times ?? Infinity);
      if (inWindow && picked === undefined) picked = rule.fault;
    });
    return picked;
  }
}
