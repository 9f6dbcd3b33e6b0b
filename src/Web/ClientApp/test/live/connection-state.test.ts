import { describe, expect, it } from 'vitest';
import { describeState, initialState, transition, type ConnectionState } from '../../src/live/connection-state';

describe('connection state', () => {
  it('goes stopped → connecting → live', () => {
    const connecting = transition(initialState, { type: 'start' });
    expect(connecting).toEqual({ kind: 'connecting', attempt: 0, reconnecting: false });
    expect(transition(connecting, { type: 'connected', at: 5 })).toEqual({ kind: 'live', since: 5 });
  });

  it('reconnects at once after a drop, then waits with growing attempts', () => {
    let state: ConnectionState = { kind: 'live', since: 0 };
    state = transition(state, { type: 'lost' });
    expect(state).toEqual({ kind: 'connecting', attempt: 1, reconnecting: true });

    state = transition(state, { type: 'failed', at: 100, delayMs: 1000, reason: 'refused' });
    expect(state).toEqual({ kind: 'waiting', attempt: 2, retryAt: 1100, reason: 'refused' });

    state = transition(state, { type: 'retry' });
    expect(state).toEqual({ kind: 'connecting', attempt: 2, reconnecting: true });

    state = transition(state, { type: 'connected', at: 2000 });
    expect(state).toEqual({ kind: 'live', since: 2000 });
  });

  it('ignores events that do not apply to the current state', () => {
    const live: ConnectionState = { kind: 'live', since: 1 };
    expect(transition(live, { type: 'retry' })).toBe(live);
    expect(transition(live, { type: 'start' })).toBe(live);
    expect(transition({ kind: 'stopped' }, { type: 'lost' })).toEqual({ kind: 'stopped' });
  });

  it('stops from any state', () => {
    expect(transition({ kind: 'waiting', attempt: 3, retryAt: 0, reason: '' }, { type: 'stop' })).toEqual({ kind: 'stopped' });
  });

  it('describes each state for the indicator, with a countdown while waiting', () => {
    expect(describeState({ kind: 'live', since: 0 }, 0)).toMatchObject({ label: 'Live', tone: 'live' });
    expect(describeState({ kind: 'connecting', attempt: 0, reconnecting: false }, 0)).toMatchObject({ label: 'Connecting…', tone: 'pending' });
    expect(describeState({ kind: 'connecting', attempt: 2, reconnecting: true }, 0)).toMatchObject({ label: 'Reconnecting…', tone: 'pending' });
    expect(describeState({ kind: 'waiting', attempt: 2, retryAt: 3_500, reason: 'refused' }, 1_000)).toMatchObject({
      label: 'Offline · retry in 3 s',
      tone: 'down',
    });
  });
});
