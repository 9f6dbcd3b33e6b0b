import type { ClusterStatus, SiloStatus } from '../../api/types';

// Figures the cluster page derives from GET /api/v1/cluster. Pure.

export interface ClusterTotals {
  silos: number;
  ticksPerSecond: number;
  consumerLag: number;
  activations: number;
  rejected: number;
  partitionsOwned: number;
  /** Highest partition number seen + 1: the partitions the page can account for. */
  partitionsKnown: number;
}

export function totals(status: ClusterStatus): ClusterTotals {
  const owned = new Set<number>();
  let highest = -1;
  for (const silo of status.silos) {
    for (const partition of silo.partitions) {
      owned.add(partition);
      highest = Math.max(highest, partition);
    }
  }

  return {
    silos: status.silos.length,
    ticksPerSecond: sum(status.silos, (silo) => silo.ticksPerSecond),
    consumerLag: sum(status.silos, (silo) => silo.consumerLag),
    activations: sum(status.silos, (silo) => silo.activations),
    rejected: sum(status.silos, (silo) => silo.rejected),
    partitionsOwned: owned.size,
    partitionsKnown: highest + 1,
  };
}

/** Which silo owns each partition 0..count-1 (null: nobody reported it). */
export function partitionOwners(silos: readonly SiloStatus[], count: number): (string | null)[] {
  const owners: (string | null)[] = Array.from({ length: count }, () => null);
  for (const silo of silos) {
    for (const partition of silo.partitions) {
      if (partition >= 0 && partition < count) {
        owners[partition] = silo.id;
      }
    }
  }

  return owners;
}

export type Health = 'ok' | 'warn' | 'bad';

/** Ingest state as a traffic light: Running is fine, Starting and Degraded need a look, the rest is down. */
export function ingestHealth(ingest: string): Health {
  switch (ingest.toLowerCase()) {
    case 'running':
      return 'ok';
    case 'starting':
    case 'degraded':
      return 'warn';
    default:
      return 'bad';
  }
}

/** Compact partition list: 0-3, 6, 9-11. */
export function partitionRanges(partitions: readonly number[]): string {
  const sorted = [...new Set(partitions)].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i]!;
    let end = start;
    while (sorted[i + 1] === end + 1) {
      end = sorted[++i]!;
    }

    ranges.push(start === end ? String(start) : `${start}-${end}`);
  }

  return ranges.join(', ') || 'none';
}

function sum(silos: readonly SiloStatus[], value: (silo: SiloStatus) => number): number {
  return silos.reduce((total, silo) => total + value(silo), 0);
}
