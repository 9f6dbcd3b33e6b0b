import { HubConnectionBuilder, LogLevel } from '@microsoft/signalr';
import { marketApi } from './api/market-api';
import { AppShell } from './app/app-shell';
import { MarketFeed } from './live/market-feed';
import './styles/index.css';

// The live feed outlives pages: navigating between them keeps one connection and its snapshots.
// Reconnecting is the feed's own loop (MarketConnection), not SignalR's automatic reconnect, so
// the first connection and every later one take the same path.
const hub = new HubConnectionBuilder().withUrl('/hubs/market').configureLogging(LogLevel.Warning).build();

const feed = new MarketFeed(hub, {
  fetchQuote: (symbol) => marketApi.quote(symbol),
  fetchKnownSymbols: async () => (await marketApi.symbols()).map((summary) => summary.symbol),
  // The hub sends each symbol at most every 100 ms (Pricing:Hub:QuoteInterval), so rendering more
  // often shows no more values of any symbol; every rendered frame has a fixed cost, and at 5,000
  // updates a second rendering at most every 100 ms takes about a quarter off the renderer's CPU
  // (docs/benchmarks-dashboard.md).
  renderIntervalMs: 100,
});

// Diagnostics for the browser tests and benchmarks (counters only; nothing to call).
Object.defineProperty(window, '__pricing', { value: { stats: feed.stats, connection: () => feed.connection.current } });

window.addEventListener('online', () => feed.connection.retryNow());
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') {
    feed.connection.retryNow();
  }
});

new AppShell(document.getElementById('app')!, feed).start();
feed.start();
