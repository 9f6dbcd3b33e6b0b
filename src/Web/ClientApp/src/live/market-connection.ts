import { backoffDelay } from './backoff';
import { systemClock, type Clock } from './clock';
import { initialState, transition, type ConnectionEvent, type ConnectionState } from './connection-state';
import type { HubPort } from './hub-port';

/**
 * Keeps one hub connection up: starts it, runs `onConnected` (which resubscribes: the server
 * forgets subscriptions with the connection), and when the connection drops or a start fails,
 * tries again after a growing delay, for as long as the page wants live data. The same loop
 * handles the first connection and every later one, so there is one code path to test.
 */
export class MarketConnection {
  private state: ConnectionState = initialState;
  private readonly listeners = new Set<(state: ConnectionState) => void>();
  private resolveClosed: (() => void) | null = null;
  private wake: (() => void) | null = null;
  private running = false;

  constructor(
    private readonly hub: HubPort,
    private readonly onConnected: () => Promise<void>,
    private readonly clock: Clock = systemClock,
    private readonly delayFor: (attempt: number) => number = backoffDelay,
  ) {
    hub.onclose(() => {
      const resolve = this.resolveClosed;
      this.resolveClosed = null;
      resolve?.();
    });
  }

  get current(): ConnectionState {
    return this.state;
  }

  /** Calls `listener` now and on every change; returns the unsubscribe function. */
  onChange(listener: (state: ConnectionState) => void): () => void {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    if (this.running) {
      return;
    }

    this.running = true;
    this.dispatch({ type: 'start' });
    void this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.dispatch({ type: 'stop' });
    this.wake?.();
    await this.hub.stop();
  }

  /** Skips the rest of a retry delay (the browser came back online, the tab became visible). */
  retryNow(): void {
    this.wake?.();
  }

  private async run(): Promise<void> {
    while (this.running) {
      const closed = new Promise<void>((resolve) => (this.resolveClosed = resolve));
      try {
        await this.hub.start();
        await this.onConnected();
      } catch (error) {
        this.resolveClosed = null;
        // Started but the resubscription failed: drop the half-ready connection and start over.
        await this.hub.stop().catch(() => undefined);
        if (!this.running) {
          break;
        }

        const attempt = this.state.kind === 'connecting' ? this.state.attempt + 1 : 1;
        const delayMs = this.delayFor(attempt);
        this.dispatch({ type: 'failed', at: this.clock.now(), delayMs, reason: reasonOf(error) });
        await this.sleep(delayMs);
        this.dispatch({ type: 'retry' });
        continue;
      }

      this.dispatch({ type: 'connected', at: this.clock.now() });
      await closed;
      this.dispatch({ type: 'lost' });
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.wake = null;
        resolve();
      };
      const id = this.clock.setTimeout(done, ms);
      this.wake = () => {
        this.clock.clearTimeout(id);
        done();
      };
    });
  }

  private dispatch(event: ConnectionEvent): void {
    const next = transition(this.state, event);
    if (next === this.state) {
      return;
    }

    this.state = next;
    for (const listener of this.listeners) {
      listener(next);
    }
  }
}

function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // SignalR's messages are long; the first sentence says enough for the indicator's tooltip.
  return message.split(/[.:]\s/)[0] ?? message;
}
