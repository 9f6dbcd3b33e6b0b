// Reconnect delays: exponential with a cap, and jitter so that many browsers dropped by one silo
// restart do not all come back in the same millisecond.

export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
  factor: number;
  /** Fraction of the delay that is random, 0..1: the delay lies in [d·(1-jitter), d]. */
  jitter: number;
}

export const defaultBackoff: BackoffOptions = { initialMs: 500, maxMs: 5_000, factor: 2, jitter: 0.3 };

/** Delay before retry number `attempt` (1 = the first retry after a failure). */
export function backoffDelay(attempt: number, options: BackoffOptions = defaultBackoff, random: () => number = Math.random): number {
  const exponent = Math.max(0, attempt - 1);
  const delay = Math.min(options.maxMs, options.initialMs * options.factor ** exponent);
  return Math.round(delay * (1 - options.jitter * random()));
}
