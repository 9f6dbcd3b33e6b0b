// The part of @microsoft/signalr's HubConnection the app uses. HubConnection satisfies it as is;
// tests pass a fake.

export interface HubPort {
  start(): Promise<void>;
  stop(): Promise<void>;
  invoke<T>(method: string, ...args: unknown[]): Promise<T>;
  on(method: string, handler: (...args: never[]) => void): void;
  off(method: string, handler: (...args: never[]) => void): void;
  onclose(callback: (error?: Error) => void): void;
}
