using System.Text;
using Pricing.Grains;
using Pricing.Simulator.Cli.Messages;
using Pricing.Simulator.Cli.Tests.Support;

namespace Pricing.Simulator.Cli.Tests.Messages;

public sealed class BadMessageFactoryTests
{
    private static readonly Tick Template = new("AAPL", 189.20m, 100m, new DateTimeOffset(2026, 11, 22, 2, 18, 29, 123, TimeSpan.Zero), 0, 0);

    public static TheoryData<BadMessageKind> Kinds() => [.. BadMessageKinds.All];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryVariantOfEveryKindBreaksTheContract(BadMessageKind kind)
    {
        var factory = new BadMessageFactory(new Random(1));
        var reasons = new HashSet<string>();

        for (var i = 0; i < 200; i++)
        {
            var message = factory.Create(kind, Template, "MSFT");

            Assert.Equal(kind, message.Kind);
            Assert.Equal("AAPL", message.Key);
            Assert.False(
                TickMessageContract.TryParse(Encoding.UTF8.GetBytes(message.Key), message.Value, out _, out _),
                $"{message.Reason} was accepted: {Encoding.UTF8.GetString(message.Value)}");
            reasons.Add(message.Reason);
        }

        // 200 draws reach every variant a kind has (at most four).
        Assert.Equal(ExpectedVariants(kind), reasons.Count);
    }

    [Fact]
    public void OnlyTheNamedRuleIsBroken()
    {
        var factory = new BadMessageFactory(new Random(3));

        var negative = Encoding.UTF8.GetString(factory.Create(BadMessageKind.NegativePrice, Template, "MSFT").Value);
        var mismatch = Encoding.UTF8.GetString(factory.Create(BadMessageKind.SymbolMismatch, Template, "MSFT").Value);

        Assert.Equal("""{"symbol":"AAPL","price":-189.20,"size":100,"timestamp":"2026-11-22T02:18:29.123Z"}""", negative);
        Assert.Equal("""{"symbol":"MSFT","price":189.20,"size":100,"timestamp":"2026-11-22T02:18:29.123Z"}""", mismatch);
    }

    [Fact]
    public void InvalidUtf8VariantIsReallyInvalid()
    {
        var factory = new BadMessageFactory(new Random(5));
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);

        var message = Enumerable.Range(0, 100)
            .Select(_ => factory.Create(BadMessageKind.NotJson, Template, "MSFT"))
            .First(m => m.Reason.Contains("UTF-8", StringComparison.Ordinal));

        Assert.Throws<DecoderFallbackException>(() => strict.GetString(message.Value));
    }

    [Fact]
    public void MismatchNeedsAnotherValidSymbol()
    {
        var factory = new BadMessageFactory(new Random(1));

        Assert.Throws<ArgumentException>(() => factory.Create(BadMessageKind.SymbolMismatch, Template, "AAPL"));
        Assert.Throws<ArgumentException>(() => factory.Create(BadMessageKind.SymbolMismatch, Template, "msft"));
    }

    [Fact]
    public void SameSeedGivesSameMessages()
    {
        var first = new BadMessageFactory(new Random(42));
        var second = new BadMessageFactory(new Random(42));

        foreach (var kind in BadMessageKinds.All)
        {
            var a = first.Create(kind, Template, "MSFT");
            var b = second.Create(kind, Template, "MSFT");
            Assert.Equal(a.Reason, b.Reason);
            Assert.Equal(a.Value, b.Value);
        }
    }

    private static int ExpectedVariants(BadMessageKind kind) => kind switch
    {
        BadMessageKind.NotJson => 4,
        BadMessageKind.MissingField => 4,
        BadMessageKind.BadTimestamp => 4,
        _ => 1,
    };
}
