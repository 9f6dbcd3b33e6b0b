// The hub connection's life as a small state machine: pure, so the indicator's wording and the
// retry bookkeeping are tested without a socket.

export type ConnectionState =
  | { kind: 'connecting'; attempt: number; reconnecting: boolean }
  | { kind: 'live'; since: number }
  | { kind: 'waiting'; attempt: number; retryAt: number; reason: string }
  | { kind: 'stopped' };

export type ConnectionEvent =
  | { type: 'start' }
  | { type: 'connected'; at: number }
  | { type: 'lost' }
  | { type: 'failed'; at: number; delayMs: number; reason: string }
  | { type: 'retry' }
  | { type: 'stop' };

export const initialState: ConnectionState = { kind: 'stopped' };

export function transition(state: ConnectionState, event: ConnectionEvent): ConnectionState {
  switch (event.type) {
    case 'start':
      return state.kind === 'stopped' ? { kind: 'connecting', attempt: 0, reconnecting: false } : state;
    case 'connected':
      return state.kind === 'connecting' ? { kind: 'live', since: event.at } : state;
    case 'lost':
      // Straight back to connecting: a silo that restarts or a load balancer that drops idle
      // sockets is usually reachable again at once.
      return state.kind === 'live' ? { kind: 'connecting', attempt: 1, reconnecting: true } : state;
    case 'failed':
      return state.kind === 'connecting'
        ? { kind: 'waiting', attempt: state.attempt + 1, retryAt: event.at + event.delayMs, reason: event.reason }
        : state;
    case 'retry':
      return state.kind === 'waiting' ? { kind: 'connecting', attempt: state.attempt, reconnecting: true } : state;
    case 'stop':
      return { kind: 'stopped' };
  }
}

export type Tone = 'live' | 'pending' | 'down';

export interface StateDescription {
  label: string;
  tone: Tone;
  detail: string;
}

/** What the indicator shows; `now` turns a retry time into a countdown. */
export function describeState(state: ConnectionState, now: number): StateDescription {
  switch (state.kind) {
    case 'live':
      return { label: 'Live', tone: 'live', detail: 'Receiving live updates' };
    case 'connecting':
      return state.reconnecting
        ? { label: 'Reconnecting…', tone: 'pending', detail: `Reconnecting (attempt ${state.attempt})` }
        : { label: 'Connecting…', tone: 'pending', detail: 'Connecting to the live feed' };
    case 'waiting': {
      const seconds = Math.max(0, Math.ceil((state.retryAt - now) / 1000));
      return { label: `Offline · retry in ${seconds} s`, tone: 'down', detail: `Connection failed (${state.reason}); attempt ${state.attempt}` };
    }
    case 'stopped':
      return { label: 'Stopped', tone: 'down', detail: 'Live updates are stopped' };
  }
}
