import { describe, expect, it } from 'vitest';
import type { ConnectionState } from '../../src/live/connection-state';
import { MarketConnection } from '../../src/live/market-connection';
import { FakeClock, settle } from '../support/fake-clock';
import { FakeHub } from '../support/fake-hub';

function setup(onConnected: () => Promise<void> = async () => undefined) {
  const hub = new FakeHub();
  const clock = new FakeClock();
  const delays: number[] = [];
  const connection = new MarketConnection(hub, onConnected, clock, (attempt) => {
    const delay = attempt * 1000;
    delays.push(delay);
    return delay;
  });
  const states: ConnectionState['kind'][] = [];
  connection.onChange((state) => states.push(state.kind));
  return { hub, clock, delays, connection, states };
}

describe('MarketConnection', () => {
  it('is live once started and resubscribed', async () => {
    let subscribed = 0;
    const { hub, connection, states } = setup(async () => {
      subscribed++;
    });

    connection.start();
    await settle();

    expect(hub.started).toBe(1);
    expect(subscribed).toBe(1);
    expect(states).toEqual(['stopped', 'connecting', 'live']);
  });

  it('retries a failed start with growing delays until the server answers', async () => {
    const { hub, clock, delays, connection } = setup();
    hub.startError = new Error('Failed to complete negotiation with the server: TypeError: Failed to fetch');

    connection.start();
    await settle();
    expect(connection.current).toMatchObject({ kind: 'waiting', attempt: 1, reason: 'Failed to complete negotiation with the server' });

    clock.advance(1000);
    await settle();
    expect(connection.current).toMatchObject({ kind: 'waiting', attempt: 2 });

    hub.startError = null;
    clock.advance(2000);
    await settle();
    expect(connection.current.kind).toBe('live');
    expect(delays).toEqual([1000, 2000]);
    expect(hub.started).toBe(3);
  });

  it('reconnects and resubscribes after the connection drops', async () => {
    let subscribed = 0;
    const { hub, connection, states } = setup(async () => {
      subscribed++;
    });
    connection.start();
    await settle();

    hub.drop(new Error('WebSocket closed with status code: 1006'));
    await settle();

    expect(subscribed).toBe(2);
    expect(connection.current.kind).toBe('live');
    expect(states).toEqual(['stopped', 'connecting', 'live', 'connecting', 'live']);
  });

  it('drops a connection whose resubscription failed and starts over', async () => {
    let calls = 0;
    const { hub, clock, connection } = setup(async () => {
      calls++;
      if (calls === 1) {
        throw new Error('HubException: boom');
      }
    });

    connection.start();
    await settle();
    expect(hub.connected).toBe(false);
    expect(connection.current.kind).toBe('waiting');

    clock.advance(1000);
    await settle();
    expect(connection.current.kind).toBe('live');
    expect(calls).toBe(2);
  });

  it('retries at once when asked (back online) instead of waiting out the delay', async () => {
    const { hub, connection } = setup();
    hub.startError = new Error('refused');
    connection.start();
    await settle();

    hub.startError = null;
    connection.retryNow();
    await settle();

    expect(connection.current.kind).toBe('live');
  });

  it('stays stopped after stop, even while waiting for a retry', async () => {
    const { hub, clock, connection } = setup();
    hub.startError = new Error('refused');
    connection.start();
    await settle();

    await connection.stop();
    clock.advance(60_000);
    await settle();

    expect(connection.current.kind).toBe('stopped');
    expect(hub.started).toBe(1);
  });
});
