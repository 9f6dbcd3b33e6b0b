import type { HubPort } from '../../src/live/hub-port';

type Handler = (...args: never[]) => void;

/** A hub connection in memory: the test decides whether starts succeed and answers invocations. */
export class FakeHub implements HubPort {
  startError: Error | null = null;
  started = 0;
  connected = false;
  readonly invocations: { method: string; args: unknown[] }[] = [];
  /** Answers invocations; throws to fail them. */
  answer: (method: string, args: unknown[]) => unknown = () => undefined;
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly closeCallbacks: ((error?: Error) => void)[] = [];

  async start(): Promise<void> {
    this.started++;
    if (this.startError) {
      throw this.startError;
    }

    this.connected = true;
  }

  async stop(): Promise<void> {
    if (this.connected) {
      this.drop();
    }
  }

  async invoke<T>(method: string, ...args: unknown[]): Promise<T> {
    this.invocations.push({ method, args });
    if (!this.connected) {
      throw new Error('Cannot send data if the connection is not in the Connected State.');
    }

    return this.answer(method, args) as T;
  }

  on(method: string, handler: Handler): void {
    const set = this.handlers.get(method) ?? new Set();
    set.add(handler);
    this.handlers.set(method, set);
  }

  off(method: string, handler: Handler): void {
    this.handlers.get(method)?.delete(handler);
  }

  onclose(callback: (error?: Error) => void): void {
    this.closeCallbacks.push(callback);
  }

  /** The server sends a message. */
  send(method: string, ...args: unknown[]): void {
    for (const handler of this.handlers.get(method) ?? []) {
      (handler as (...a: unknown[]) => void)(...args);
    }
  }

  /** The connection drops (server restart, network). */
  drop(error?: Error): void {
    this.connected = false;
    for (const callback of this.closeCallbacks) {
      callback(error);
    }
  }

  calls(method: string): unknown[][] {
    return this.invocations.filter((invocation) => invocation.method === method).map((invocation) => invocation.args);
  }
}
