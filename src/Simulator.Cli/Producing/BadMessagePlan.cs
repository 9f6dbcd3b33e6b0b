using Pricing.Simulator.Cli.Messages;

namespace Pricing.Simulator.Cli.Producing;

/// <summary>
/// Where the malformed messages go among the produced messages, and of which kind: positions
/// drawn uniformly without repetition, kinds cycling through every <see cref="BadMessageKind"/>
/// from a random start (so five or more messages cover every kind). Its own random source,
/// derived from the seed, so adding malformed messages does not change the good ticks.
/// </summary>
internal sealed class BadMessagePlan
{
    private readonly long[] _positions;
    private readonly int _firstKind;
    private int _next;

    /// <param name="seed">The run's seed.</param>
    /// <param name="goodTicks">Good ticks to produce.</param>
    /// <param name="badMessages">Malformed messages to mix in, at most <paramref name="goodTicks"/>.</param>
    public BadMessagePlan(int seed, long goodTicks, int badMessages)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(badMessages);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(badMessages, goodTicks);
        // A fixed odd multiplier decorrelates this stream from the simulator's (seeded with the same value).
        Random = new Random(unchecked(seed * -1640531535 + 0x5EED));
        var total = goodTicks + badMessages;
        var positions = new HashSet<long>();
        while (positions.Count < badMessages)
            positions.Add(Random.NextInt64(total));

        _positions = [.. positions.Order()];
        _firstKind = Random.Next(BadMessageKinds.All.Count);
    }

    /// <summary>Positions (0-based, among all messages) of the malformed messages, ascending.</summary>
    public IReadOnlyList<long> Positions => _positions;

    /// <summary>Random source for the malformed messages' details.</summary>
    public Random Random { get; }

    /// <summary>True when the message at <paramref name="position"/> is the next malformed one; positions must be asked in order.</summary>
    public bool TryTake(long position, out BadMessageKind kind)
    {
        if (_next < _positions.Length && _positions[_next] == position)
        {
            kind = BadMessageKinds.All[(_firstKind + _next) % BadMessageKinds.All.Count];
            _next++;
            return true;
        }

        kind = default;
        return false;
    }
}
