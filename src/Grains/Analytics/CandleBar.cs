namespace Pricing.Grains.Analytics;

/// <summary>
/// A candle being built. Open and close are the prices of the trades with the earliest and
/// latest event time in the bucket (of equal times, the first and the last to arrive), so
/// out-of-order arrival within a bucket gives the same candle as ordered arrival.
/// </summary>
internal struct CandleBar
{
    public long Start;
    public long OpenTicks;
    public decimal Open;
    public decimal High;
    public decimal Low;
    public long CloseTicks;
    public decimal Close;
    public decimal Volume;
    public decimal Notional;
    public long TradeCount;
    public int Revision;

    public static CandleBar First(long start, long utcTicks, decimal price, decimal size) => new()
    {
        Start = start,
        OpenTicks = utcTicks,
        Open = price,
        High = price,
        Low = price,
        CloseTicks = utcTicks,
        Close = price,
        Volume = size,
        Notional = price * size,
        TradeCount = 1,
    };

    public void Add(long utcTicks, decimal price, decimal size)
    {
        if (utcTicks < OpenTicks)
        {
            OpenTicks = utcTicks;
            Open = price;
        }

        if (utcTicks >= CloseTicks)
        {
            CloseTicks = utcTicks;
            Close = price;
        }

        if (price > High)
        {
            High = price;
        }

        if (price < Low)
        {
            Low = price;
        }

        Volume += size;
        Notional += price * size;
        TradeCount++;
    }

    public readonly Candle ToCandle(string symbol, CandleInterval interval, long length, bool closed) => new(
        symbol,
        interval.ToName(),
        new DateTimeOffset(Start, TimeSpan.Zero),
        new DateTimeOffset(Start + length, TimeSpan.Zero),
        Open,
        High,
        Low,
        Close,
        Volume,
        Notional,
        Volume > 0 ? Notional / Volume : Close,
        TradeCount,
        closed,
        Revision,
        new DateTimeOffset(OpenTicks, TimeSpan.Zero),
        new DateTimeOffset(CloseTicks, TimeSpan.Zero));

    public static CandleBar FromCandle(Candle candle) => new()
    {
        Start = candle.Start.UtcTicks,
        OpenTicks = candle.FirstTradeAt.UtcTicks,
        Open = candle.Open,
        High = candle.High,
        Low = candle.Low,
        CloseTicks = candle.LastTradeAt.UtcTicks,
        Close = candle.Close,
        Volume = candle.Volume,
        Notional = candle.Turnover,
        TradeCount = candle.TradeCount,
        Revision = candle.Revision,
    };

    public readonly void Write(StateWriter writer)
    {
        writer.Write(Start);
        writer.Write(OpenTicks);
        writer.Write(Open);
        writer.Write(High);
        writer.Write(Low);
        writer.Write(CloseTicks);
        writer.Write(Close);
        writer.Write(Volume);
        writer.Write(Notional);
        writer.Write(TradeCount);
        writer.Write(Revision);
    }

    public static CandleBar Read(StateReader reader) => new()
    {
        Start = reader.ReadInt64(),
        OpenTicks = reader.ReadInt64(),
        Open = reader.ReadDecimal(),
        High = reader.ReadDecimal(),
        Low = reader.ReadDecimal(),
        CloseTicks = reader.ReadInt64(),
        Close = reader.ReadDecimal(),
        Volume = reader.ReadDecimal(),
        Notional = reader.ReadDecimal(),
        TradeCount = reader.ReadInt64(),
        Revision = reader.ReadInt32(),
    };
}
