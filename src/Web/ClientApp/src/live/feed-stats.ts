// Counters of the live feed, for the diagnostics the browser tests and benchmarks read.

export interface FeedStats {
  /** `quote` messages received. */
  received: number;
  /** Updates that moved a symbol forward. */
  applied: number;
  /** Updates at or below the symbol's sequence, ignored. */
  stale: number;
  /** Updates without a baseline on this connection; each triggers a snapshot fetch. */
  gaps: number;
  /** Snapshots taken as baselines (Subscribe results and gap fetches). */
  snapshots: number;
  /** Frames that rendered quote changes. */
  frames: number;
  /** Connections established (1 + reconnects). */
  connections: number;
}

export function emptyStats(): FeedStats {
  return { received: 0, applied: 0, stale: 0, gaps: 0, snapshots: 0, frames: 0, connections: 0 };
}
