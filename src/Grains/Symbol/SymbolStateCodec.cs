using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pricing.Grains.Analytics;
using Pricing.Runtime;

namespace Pricing.Grains.Symbol;

/// <summary>
/// Compact binary encoding of <see cref="SymbolState"/>. The core (offsets, sequence, counts,
/// last trade) comes first; then each statistic in its own length-prefixed section, so that when
/// the analytics settings change (say, an SMA period), that one statistic restarts empty while
/// the offsets and everything else continue — losing the offsets would break exactly-once.
/// </summary>
internal sealed partial class SymbolStateCodec(IOptions<SymbolAnalyticsOptions> options, ILogger<SymbolStateCodec> logger)
    : IGrainStateCodec<SymbolState>
{
    private const byte FormatVersion = 2;

    public byte[] Encode(SymbolState state)
    {
        using var stream = new MemoryStream();
        stream.WriteByte(FormatVersion);
        var a = state.Analytics;
        stream.WriteByte(a is null ? (byte)0 : (byte)1);
        if (a is not null)
        {
            using (var writer = new StateWriter(stream))
            {
                a.Offsets.Write(writer);
                writer.Write(a.Sequence);
                writer.Write(a.TradeCount);
                writer.Write(a.Volume);
                writer.Write(a.Turnover);
                writer.Write(a.LastPrice);
                writer.Write(a.LastSize);
                writer.Write(a.LastTicks);
            }

            foreach (var (name, write, _) in Sections(a))
            {
                WriteSection(stream, name, write);
            }
        }

        return stream.ToArray();
    }

    public SymbolState Decode(ReadOnlySpan<byte> data)
    {
        var state = new SymbolState();
        using var stream = new MemoryStream(data.ToArray(), writable: false);
        var version = stream.ReadByte();
        if (version != FormatVersion)
        {
            throw new InvalidDataException($"Symbol state format {version} is not supported (expected {FormatVersion}).");
        }

        if (stream.ReadByte() == 0)
        {
            return state;
        }

        var a = new SymbolAnalytics(options.Value);
        using (var reader = new StateReader(stream))
        {
            a.Offsets.Read(reader);
            a.RestoreCore(
                sequence: reader.ReadInt64(),
                tradeCount: reader.ReadInt64(),
                volume: reader.ReadDecimal(),
                turnover: reader.ReadDecimal(),
                lastPrice: reader.ReadDecimal(),
                lastSize: reader.ReadDecimal(),
                lastTicks: reader.ReadInt64());
        }

        var sections = Sections(a).ToDictionary(s => s.Name, s => s.Read);
        while (stream.Position < stream.Length)
        {
            ReadSection(stream, sections);
        }

        state.Analytics = a;
        return state;
    }

    private static IEnumerable<(string Name, Action<StateWriter> Write, Action<StateReader> Read)> Sections(SymbolAnalytics a)
    {
        yield return ("vwap-ticks", a.VwapTicks.Write, a.VwapTicks.Read);
        yield return ("vwap-window", a.VwapWindow.Write, a.VwapWindow.Read);
        yield return ("day", a.Day.Write, a.Day.Read);
        yield return ("volatility", a.Volatility.Write, a.Volatility.Read);
        foreach (var sma in a.Sma)
        {
            yield return ($"sma-{sma.Period}", sma.Write, sma.Read);
        }

        foreach (var ema in a.Ema)
        {
            yield return ($"ema-{ema.Period}", ema.Write, ema.Read);
        }

        foreach (var series in a.Candles)
        {
            yield return ($"candles-{series.Interval.ToName()}", series.Write, series.Read);
        }
    }

    private static void WriteSection(MemoryStream stream, string name, Action<StateWriter> write)
    {
        // Written aside first: the length prefix is a varint, so its size is known only afterwards.
        using var section = new MemoryStream();
        using (var sectionWriter = new StateWriter(section))
        {
            write(sectionWriter);
        }

        using (var header = new StateWriter(stream))
        {
            header.Write(name);
            header.Write((int)section.Length);
        }

        stream.Write(section.GetBuffer(), 0, (int)section.Length);
    }

    private void ReadSection(MemoryStream stream, Dictionary<string, Action<StateReader>> sections)
    {
        string name;
        int length;
        using (var header = new StateReader(stream))
        {
            name = header.ReadString();
            length = header.ReadInt32();
        }

        var end = stream.Position + length;
        if (!sections.TryGetValue(name, out var read))
        {
            LogSectionDropped(name, "it is no longer configured");
        }
        else
        {
            try
            {
                using var reader = new StateReader(stream);
                read(reader);
            }
            catch (StateShapeChangedException ex)
            {
                // The statistic keeps the fresh instance built from the current settings.
                LogSectionDropped(name, ex.Message);
            }
        }

        stream.Position = end;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stored statistic {Section} restarts empty: {Reason}")]
    private partial void LogSectionDropped(string section, string reason);
}
