using Pricing.Grains;
using Pricing.Runtime;

namespace Pricing.Silo.Postgres;

/// <summary>
/// What is waiting to be written for one grain: its latest encoded state, the version it
/// replaces, the partitions and generations that must still be current (fencing), and all the
/// history produced since its last stored write. Later writes of the same grain merge in: the
/// newest state wins, trades append in order, the newest revision of each candle wins.
/// </summary>
internal sealed class PendingStateWrite(GrainId grainId)
{
    private readonly Dictionary<(string Interval, DateTimeOffset Start), Candle> _candles = [];

    public GrainId GrainId { get; } = grainId;

    /// <summary>
    /// The stored version this write replaces; null when the grain was never stored. Set when the
    /// write is taken into a transaction: only then is the previous write's outcome known.
    /// </summary>
    public long? ExpectedVersion { get; set; }

    public byte[] State { get; private set; } = [];

    public IReadOnlyList<(int Partition, long Generation)> Fence { get; private set; } = [];

    public List<HistoryTrade> Trades { get; } = [];

    public IEnumerable<Candle> Candles => _candles.Values;

    /// <summary>Handed-over order of the newest write merged in.</summary>
    public long Sequence { get; private set; }

    public void Merge(byte[] state, IReadOnlyList<(int Partition, long Generation)> fence, IEnumerable<HistoryTrade> trades, IEnumerable<Candle> candles, long sequence)
    {
        State = state;
        Fence = fence;
        Trades.AddRange(trades);
        foreach (var candle in candles)
        {
            _candles[(candle.Interval, candle.Start)] = candle;
        }

        Sequence = sequence;
    }

    /// <summary>Puts a failed earlier write in front of this later one: its history comes first.</summary>
    public void FollowFailed(PendingStateWrite earlier)
    {
        Trades.InsertRange(0, earlier.Trades);
        foreach (var (key, candle) in earlier._candles)
        {
            _candles.TryAdd(key, candle);
        }
    }
}
