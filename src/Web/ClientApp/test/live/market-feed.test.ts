import { describe, expect, it } from 'vitest';
import type { MarketSummary, Quote } from '../../src/api/types';
import { MarketFeed } from '../../src/live/market-feed';
import { FakeClock, settle } from '../support/fake-clock';
import { FakeHub } from '../support/fake-hub';
import { ManualFrames } from '../support/manual-frames';
import { quote } from '../support/quotes';

interface Server {
  sequences: Map<string, number>;
  known: Set<string>;
  restQuote: (symbol: string) => Quote;
}

function setup(symbols = ['AAPL', 'MSFT']) {
  const hub = new FakeHub();
  const clock = new FakeClock();
  const frames = new ManualFrames();
  const server: Server = {
    sequences: new Map(symbols.map((symbol) => [symbol, 10])),
    known: new Set(symbols),
    restQuote: (symbol) => quote(symbol, server.sequences.get(symbol) ?? 1),
  };
  hub.answer = (method, args) => {
    if (method === 'Subscribe') {
      const requested = args[0] as string[];
      const unknown = requested.find((symbol) => !server.known.has(symbol));
      if (unknown) {
        throw new Error(`An unexpected error occurred invoking 'Subscribe' on the server. HubException: unknown symbol ${unknown}`);
      }

      return requested.map((symbol) => quote(symbol, server.sequences.get(symbol) ?? 1));
    }

    if (method === 'SubscribeSummary') {
      return summary('2026-11-22T10:00:00Z');
    }

    return undefined;
  };
  const feed = new MarketFeed(hub, {
    fetchQuote: async (symbol) => server.restQuote(symbol),
    fetchKnownSymbols: async () => [...server.known],
    clock,
    frames,
    releaseDelayMs: 10_000,
    unknownRetryMs: 3_000,
  });
  const rendered: string[][] = [];
  feed.onQuotes((changed) => rendered.push([...changed].sort()));
  return { hub, clock, frames, server, feed, rendered };
}

function summary(asOf: string): MarketSummary {
  return { asOf, symbols: 2, advancers: 1, decliners: 1, unchanged: 0, totalTrades: 1, totalVolume24h: 1, ticksPerSecond: 1, topGainers: [], topLosers: [], mostActive: [] };
}

describe('MarketFeed', () => {
  it('subscribes what the pages watch and renders snapshots then updates once per frame', async () => {
    const { hub, frames, feed, rendered } = setup();
    feed.watch(['AAPL', 'MSFT']);
    feed.start();
    await settle();

    expect(hub.calls('Subscribe')).toEqual([[['AAPL', 'MSFT']]]);
    frames.frame();
    expect(rendered).toEqual([['AAPL', 'MSFT']]);

    hub.send('quote', quote('AAPL', 11, 101));
    hub.send('quote', quote('AAPL', 12, 102));
    hub.send('quote', quote('AAPL', 12, 999)); // stale
    frames.frame();

    expect(rendered[1]).toEqual(['AAPL']);
    expect(feed.quotes.get('AAPL')?.price).toBe(102);
    expect(feed.stats).toMatchObject({ received: 3, applied: 2, stale: 1, gaps: 0, snapshots: 2 });
  });

  it('subscribes symbols watched later on the live connection, once however many pages watch them', async () => {
    const { hub, feed } = setup();
    feed.start();
    await settle();

    feed.watch(['AAPL']);
    feed.watch(['AAPL']);
    await settle();

    expect(hub.calls('Subscribe')).toEqual([[['AAPL']]]);
  });

  it('unsubscribes a symbol no page watches after the release delay, not before', async () => {
    const { hub, clock, feed } = setup();
    feed.start();
    const release = feed.watch(['AAPL']);
    await settle();

    release();
    clock.advance(5_000);
    expect(hub.calls('Unsubscribe')).toEqual([]);

    clock.advance(5_000);
    expect(hub.calls('Unsubscribe')).toEqual([[['AAPL']]]);
  });

  it('keeps the subscription when a page watches the symbol again within the delay', async () => {
    const { hub, clock, feed } = setup();
    feed.start();
    const release = feed.watch(['AAPL']);
    await settle();

    release();
    feed.watch(['AAPL']);
    clock.advance(20_000);
    await settle();

    expect(hub.calls('Unsubscribe')).toEqual([]);
    expect(hub.calls('Subscribe')).toEqual([[['AAPL']]]);
  });

  it('resnapshots every watched symbol after a reconnect, even with lower sequences (restarted silo)', async () => {
    const { hub, frames, server, feed } = setup();
    feed.watch(['AAPL', 'MSFT']);
    feed.start();
    await settle();
    hub.send('quote', quote('AAPL', 500, 120));
    frames.frame();

    server.sequences.set('AAPL', 2);
    hub.drop();
    await settle();

    expect(hub.calls('Subscribe')).toHaveLength(2);
    expect(feed.quotes.get('AAPL')?.sequence).toBe(2);
    hub.send('quote', quote('AAPL', 3, 121));
    expect(feed.quotes.get('AAPL')?.price).toBe(121);
    expect(feed.stats.connections).toBe(2);
  });

  it('fetches a snapshot for an update without a baseline and applies the newest update seen meanwhile', async () => {
    const { hub, frames, server, feed, rendered } = setup();
    feed.start();
    await settle();
    feed.watch(['AAPL']);
    // The update overtakes the subscription's snapshot (it should not; the feed copes if it does).
    feed.quotes.newEpoch();
    server.sequences.set('AAPL', 20);
    hub.send('quote', quote('AAPL', 21, 105));
    hub.send('quote', quote('AAPL', 22, 106));
    await settle();
    frames.frame();

    expect(feed.stats.gaps).toBe(2);
    expect(feed.quotes.get('AAPL')).toMatchObject({ sequence: 22, price: 106 });
    expect(rendered.at(-1)).toEqual(['AAPL']);
  });

  it('subscribes the known symbols at once when the server does not know one yet, and retries it later', async () => {
    const { hub, clock, server, feed } = setup(['AAPL', 'MSFT']);
    server.known.delete('MSFT');
    feed.watch(['AAPL', 'MSFT']);
    feed.start();
    await settle();

    expect(feed.connection.current.kind).toBe('live');
    expect(hub.calls('Subscribe')).toEqual([[['AAPL', 'MSFT']], [['AAPL']]]);

    server.known.add('MSFT');
    clock.advance(3_000);
    await settle();
    expect(hub.calls('Subscribe').at(-1)).toEqual([['MSFT']]);
    expect(feed.quotes.get('MSFT')).toBeDefined();
  });

  it('splits large subscriptions into calls the server accepts', async () => {
    const symbols = Array.from({ length: 2500 }, (_, i) => `S${i}`);
    const { hub, feed } = setup(symbols);
    feed.watch(symbols);
    feed.start();
    await settle();

    expect(hub.calls('Subscribe').map((args) => (args[0] as string[]).length)).toEqual([1000, 1000, 500]);
  });

  it('delivers the summary to late listeners and ignores an older one', async () => {
    const { hub, feed } = setup();
    feed.watchSummary();
    feed.start();
    await settle();
    hub.send('summary', summary('2026-11-22T10:00:05Z'));
    hub.send('summary', summary('2026-11-22T10:00:01Z'));

    const seen: string[] = [];
    feed.onSummary((s) => seen.push(s.asOf));
    expect(seen).toEqual(['2026-11-22T10:00:05Z']);
  });
});
