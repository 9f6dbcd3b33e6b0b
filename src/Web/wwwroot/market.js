// Live market table: subscribes through the SignalR hub to every symbol the REST API lists,
// applies each symbol's quotes in sequence order, and repaints at most once per frame.
(() => {
  'use strict';

  const maxSymbolsPerCall = 1000; // Pricing:Hub:MaxSymbolsPerCall (default)
  const flashMs = 600;

  const tbody = document.querySelector('#quotes tbody');
  const empty = document.getElementById('empty');
  const statusEl = document.getElementById('status');

  const priceFormat = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 6 });
  const percentFormat = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' });
  const countFormat = new Intl.NumberFormat();
  const volumeFormat = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 2 });
  const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

  const rows = new Map();    // symbol -> { quote, tr, cells }
  const dirty = new Set();   // symbols to repaint
  const flashes = new Map(); // symbol -> time the flash ends
  let frame = 0;
  let refreshing = null;

  const connection = new signalR.HubConnectionBuilder()
    .withUrl('hubs/market')
    .withAutomaticReconnect()
    .configureLogging(signalR.LogLevel.Warning)
    .build();

  connection.on('quote', apply);
  connection.on('summary', renderSummary);
  connection.onreconnecting(() => setStatus('reconnecting…', 'down'));
  // A reconnect is a new connection: the server has forgotten the subscriptions.
  connection.onreconnected(() => subscribe(true).catch(fail));
  connection.onclose(() => {
    setStatus('disconnected; retrying in 5 s', 'down');
    setTimeout(start, 5000);
  });

  start();

  async function start() {
    try {
      setStatus('connecting…');
      await connection.start();
      await subscribe(true);
    } catch (error) {
      fail(error);
      setTimeout(start, 5000);
    }
  }

  // Subscribes to symbols not yet shown (all of them when `all`), then to the summary.
  async function subscribe(all) {
    const response = await fetch('api/v1/symbols', { headers: { accept: 'application/json' } });
    if (!response.ok) {
      throw new Error(`GET /api/v1/symbols: ${response.status}`);
    }

    const symbols = (await response.json()).map(s => s.symbol).filter(s => all || !rows.has(s));
    for (let i = 0; i < symbols.length; i += maxSymbolsPerCall) {
      const snapshots = await connection.invoke('Subscribe', symbols.slice(i, i + maxSymbolsPerCall));
      snapshots.forEach(apply);
    }

    if (all) {
      renderSummary(await connection.invoke('SubscribeSummary'));
    }

    empty.hidden = rows.size > 0;
    setStatus('live', 'live');
  }

  function apply(quote) {
    const row = rows.get(quote.symbol) ?? addRow(quote.symbol);
    if (row.quote && quote.sequence <= row.quote.sequence) {
      return; // already have this one or a newer one
    }

    row.direction = row.quote ? Math.sign(quote.price - row.quote.price) : 0;
    row.quote = quote;
    dirty.add(quote.symbol);
    schedule();
  }

  function addRow(symbol) {
    const tr = document.createElement('tr');
    const cells = {};
    for (const [name, cls] of [['symbol', 'symbol'], ['price', 'num'], ['change', 'num'], ['volume', 'num'], ['trades', 'num'], ['sequence', 'num']]) {
      const td = document.createElement('td');
      td.className = cls;
      tr.appendChild(td);
      cells[name] = td;
    }

    cells.symbol.textContent = symbol;
    const row = { quote: null, direction: 0, tr, cells };

    // Keep rows ordered by symbol.
    const after = [...rows.keys()].find(other => other > symbol);
    tbody.insertBefore(tr, after ? rows.get(after).tr : null);
    rows.set(symbol, row);
    empty.hidden = true;
    return row;
  }

  function schedule() {
    if (!frame) {
      frame = requestAnimationFrame(render);
    }
  }

  function render(now) {
    frame = 0;
    for (const symbol of dirty) {
      const { quote, direction, tr, cells } = rows.get(symbol);
      cells.price.textContent = priceFormat.format(quote.price);
      cells.change.textContent = `${percentFormat.format(quote.changePercent24h)} %`;
      cells.change.className = `num ${quote.changePercent24h > 0 ? 'up' : quote.changePercent24h < 0 ? 'down' : ''}`;
      cells.volume.textContent = volumeFormat.format(quote.volume24h);
      cells.trades.textContent = countFormat.format(quote.tradeCount);
      cells.sequence.textContent = countFormat.format(quote.sequence);
      if (direction !== 0) {
        tr.className = direction > 0 ? 'flash-up' : 'flash-down';
        flashes.set(symbol, now + flashMs);
      }
    }

    dirty.clear();
    for (const [symbol, until] of flashes) {
      if (until <= now) {
        rows.get(symbol).tr.className = '';
        flashes.delete(symbol);
      }
    }

    if (flashes.size > 0) {
      schedule();
    }
  }

  function renderSummary(summary) {
    text('s-symbols', countFormat.format(summary.symbols));
    text('s-advancers', countFormat.format(summary.advancers));
    text('s-decliners', countFormat.format(summary.decliners));
    text('s-unchanged', countFormat.format(summary.unchanged));
    text('s-trades', countFormat.format(summary.totalTrades));
    text('s-volume', volumeFormat.format(summary.totalVolume24h));
    text('s-rate', countFormat.format(Math.round(summary.ticksPerSecond)));
    text('s-asof', timeFormat.format(new Date(summary.asOf)));

    // New symbols appeared in the market: subscribe to them too (one refresh at a time).
    if (summary.symbols > rows.size && !refreshing && connection.state === signalR.HubConnectionState.Connected) {
      refreshing = subscribe(false).catch(fail).finally(() => { refreshing = null; });
    }
  }

  function text(id, value) {
    document.getElementById(id).textContent = value;
  }

  function setStatus(message, cls) {
    statusEl.textContent = message;
    statusEl.className = `status ${cls ?? ''}`;
  }

  function fail(error) {
    console.error(error);
    setStatus(`error: ${error.message ?? error}`, 'down');
  }
})();
