using Microsoft.Extensions.Options;
using Pricing.Grains;
using Pricing.Runtime;

namespace Pricing.Silo.Ingest;

/// <summary>
/// Hands a batch of ticks, in input order, to the symbol grains: groups them by symbol (keeping
/// each symbol's order), then applies the groups on several threads, each symbol's group as one
/// grain call. The batch completes when every group has been applied, which bounds the work in
/// flight to one batch per input loop. Buffers are reused between batches, so one dispatcher
/// serves one input loop at a time.
/// </summary>
public sealed class TickDispatcher(IGrainFactory grains, IOptions<IngestOptions> options, IngestMetrics metrics)
{
    // Forget idle symbols' buffers past this many, so a flood of distinct symbols cannot grow memory without bound.
    private const int MaxRetainedSymbols = 20_000;

    private readonly Dictionary<string, SymbolGroup> _groups = new(StringComparer.Ordinal);
    private readonly List<SymbolGroup> _active = [];
    private readonly IngestOptions _options = options.Value;

    public async ValueTask<DispatchResult> DispatchAsync(ReadOnlyMemory<Tick> ticks, CancellationToken cancellationToken)
    {
        GroupBySymbol(ticks.Span);
        try
        {
            var lanes = _active.Count >= _options.MinSymbolsForParallelism ? Math.Min(_options.Parallelism, _active.Count) : 1;
            if (lanes == 1)
            {
                await ApplyLaneAsync(0, 1);
            }
            else
            {
                var running = new Task[lanes];
                for (var lane = 0; lane < lanes; lane++)
                {
                    var laneIndex = lane;
                    running[lane] = Task.Run(() => ApplyLaneAsync(laneIndex, lanes), cancellationToken);
                }

                await Task.WhenAll(running);
            }

            return Tally();
        }
        finally
        {
            foreach (var group in _active)
            {
                group.Clear();
            }

            _active.Clear();
            if (_groups.Count > MaxRetainedSymbols)
            {
                _groups.Clear();
            }
        }
    }

    private void GroupBySymbol(ReadOnlySpan<Tick> ticks)
    {
        foreach (ref readonly var tick in ticks)
        {
            if (!_groups.TryGetValue(tick.Symbol, out var group))
            {
                group = new SymbolGroup(grains.GetGrain<ISymbolGrain>(tick.Symbol));
                _groups[tick.Symbol] = group;
            }

            if (group.Count == 0)
            {
                _active.Add(group);
            }

            group.Add(tick);
        }
    }

    private async Task ApplyLaneAsync(int lane, int lanes)
    {
        for (var i = lane; i < _active.Count; i += lanes)
        {
            var group = _active[i];
            group.Result = await group.Grain.ApplyAsync(new TickBatch(group.Ticks));
        }
    }

    private DispatchResult Tally()
    {
        int applied = 0, duplicates = 0;
        foreach (var group in _active)
        {
            applied += group.Result.Applied;
            duplicates += group.Result.Duplicates;
        }

        metrics.TicksApplied(applied, duplicates);
        return new DispatchResult(applied, duplicates, _active.Count);
    }

    private sealed class SymbolGroup(ISymbolGrain grain)
    {
        private Tick[] _ticks = new Tick[16];

        public ISymbolGrain Grain { get; } = grain;

        public int Count { get; private set; }

        public ApplyResult Result { get; set; }

        public ReadOnlyMemory<Tick> Ticks => new(_ticks, 0, Count);

        public void Add(in Tick tick)
        {
            if (Count == _ticks.Length)
            {
                Array.Resize(ref _ticks, _ticks.Length * 2);
            }

            _ticks[Count++] = tick;
        }

        public void Clear()
        {
            Count = 0;
            Result = default;
        }
    }
}
