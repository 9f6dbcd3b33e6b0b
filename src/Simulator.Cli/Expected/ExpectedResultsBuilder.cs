using Pricing.Grains;

namespace Pricing.Simulator.Cli.Expected;

/// <summary>
/// Computes <see cref="ExpectedResults"/> from ticks in produce order, which per symbol is
/// partition order (one key, one partition, one in-flight request). Decimal arithmetic only.
/// Not thread-safe.
/// </summary>
public sealed class ExpectedResultsBuilder
{
    private readonly Dictionary<string, SymbolAccumulator> _symbols = new(StringComparer.Ordinal);
    private readonly List<ExpectedBadMessage> _badMessages = [];

    /// <summary>Good ticks added so far.</summary>
    public long TotalTicks { get; private set; }

    /// <summary>Adds a produced tick.</summary>
    /// <exception cref="InvalidOperationException">Its timestamp is earlier than its symbol's previous tick.</exception>
    public void Add(in Tick tick)
    {
        if (!_symbols.TryGetValue(tick.Symbol, out var symbol))
        {
            symbol = new SymbolAccumulator(tick.Symbol);
            _symbols.Add(tick.Symbol, symbol);
        }

        symbol.Add(tick);
        TotalTicks++;
    }

    /// <summary>Records a malformed message once the broker has told where it is.</summary>
    public void AddBadMessage(ExpectedBadMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        _badMessages.Add(message);
    }

    /// <summary>The results so far: symbols in ordinal order, malformed messages by partition and offset.</summary>
    public ExpectedResults Build(string topic, int? partitions, int seed)
    {
        var symbols = new Dictionary<string, ExpectedSymbol>(StringComparer.Ordinal);
        foreach (var symbol in _symbols.Keys.Order(StringComparer.Ordinal))
            symbols.Add(symbol, _symbols[symbol].ToExpected());

        return new ExpectedResults
        {
            Topic = topic,
            Partitions = partitions,
            Seed = seed,
            TotalTicks = TotalTicks,
            BadMessages = [.. _badMessages.OrderBy(m => m.Partition).ThenBy(m => m.Offset)],
            Symbols = symbols,
        };
    }
}
