import { describe, expect, it } from 'vitest';
import type { ClusterStatus, SiloStatus } from '../../src/api/types';
import { ingestHealth, partitionOwners, partitionRanges, totals } from '../../src/pages/cluster/cluster-model';

function silo(id: string, partitions: number[], rate: number, lag = 0): SiloStatus {
  return { id, address: 'http://127.0.0.1', startedAt: '', heartbeatAt: '', partitions, activations: 10, ticksApplied: 1, ticksPerSecond: rate, consumerLag: lag, rejected: 1, ingest: 'Running', detail: '' };
}

describe('cluster model', () => {
  const status: ClusterStatus = { asOf: '', mode: 'Cluster', silos: [silo('a', [0, 1, 2, 3], 1000, 5), silo('b', [4, 5, 7], 800)] };

  it('adds up the silos', () => {
    expect(totals(status)).toEqual({ silos: 2, ticksPerSecond: 1800, consumerLag: 5, activations: 20, rejected: 2, partitionsOwned: 7, partitionsKnown: 8 });
  });

  it('maps partitions to owners, with unowned ones empty', () => {
    expect(partitionOwners(status.silos, 8)).toEqual(['a', 'a', 'a', 'a', 'b', 'b', null, 'b']);
  });

  it('lists partitions as ranges', () => {
    expect(partitionRanges([7, 0, 1, 2, 3, 5])).toBe('0-3, 5, 7');
    expect(partitionRanges([])).toBe('none');
  });

  it('grades the ingest state', () => {
    expect([ingestHealth('Running'), ingestHealth('Degraded'), ingestHealth('Starting'), ingestHealth('Stopped')]).toEqual(['ok', 'warn', 'warn', 'bad']);
  });
});
