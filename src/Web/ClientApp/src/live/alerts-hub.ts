// The planned alert subscription on the market hub (issue 5). Names live here only, so wiring
// the real contract is a change to this file.

export const alertHub = {
  /** Client to server: subscribe to alerts, of one symbol or (null) all. */
  subscribe: 'SubscribeAlerts',
  unsubscribe: 'UnsubscribeAlerts',
  /** Server to client: one alert. */
  message: 'alert',
} as const;
