using System.CommandLine;
using Pricing.Simulator.Cli.Commands;
using Pricing.Simulator.Cli.Producing;

namespace Pricing.Simulator.Cli.Tests.Commands;

public sealed class ProduceCommandTests
{
    [Fact]
    public void DefaultsSuitTheLocalServers()
    {
        var command = new ProduceCommand();

        var settings = command.Bind(Parse(command));

        Assert.Equal("127.0.0.1:19092", settings.BootstrapServers);
        Assert.Equal("ticks", settings.Topic);
        Assert.Equal(SymbolSelection.First(50), settings.Symbols);
        Assert.Equal(1000, settings.Rate);
        Assert.Equal(0, settings.Count);
        Assert.Null(settings.Seed);
        Assert.Null(settings.Start);
        Assert.Null(settings.ExpectedPath);
        Assert.Equal(0, settings.BadMessages);
        Assert.Empty(settings.KafkaSettings);
        Assert.Equal("murmur2_random", settings.Partitioner);
    }

    [Fact]
    public void EveryOptionIsBound()
    {
        var command = new ProduceCommand();

        var settings = command.Bind(Parse(
            command,
            "--bootstrap-servers", "k:9092", "--topic", "t1", "--symbols", "AAPL,MSFT", "--rate", "0", "--count", "20000",
            "--seed", "42", "--start", "2026-11-22T01:00:00Z", "--event-rate", "250", "--speed", "60", "--expected", "out/e.json",
            "--bad-messages", "5", "-X", "api.version.request=false", "--setting", "broker.version.fallback=0.9.0.1",
            "--partitioner", "murmur2"));

        Assert.Equal("k:9092", settings.BootstrapServers);
        Assert.Equal("t1", settings.Topic);
        Assert.Equal(["AAPL", "MSFT"], settings.Symbols);
        Assert.Equal(0, settings.Rate);
        Assert.Equal(20_000, settings.Count);
        Assert.Equal(42, settings.Seed);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 1, 0, 0, TimeSpan.Zero), settings.Start);
        Assert.Equal(250, settings.EventRate);
        Assert.Equal(60, settings.Speed);
        Assert.Equal(Path.GetFullPath("out/e.json"), settings.ExpectedPath);
        Assert.Equal(5, settings.BadMessages);
        Assert.Equal(
            [new("api.version.request", "false"), new("broker.version.fallback", "0.9.0.1")],
            settings.KafkaSettings);
        Assert.Equal("murmur2", settings.Partitioner);
    }

    [Fact]
    public void StartWithoutOffsetIsUtc()
    {
        var command = new ProduceCommand();

        var settings = command.Bind(Parse(command, "--start", "2026-11-22T01:00:00"));

        Assert.Equal(new DateTimeOffset(2026, 11, 22, 1, 0, 0, TimeSpan.Zero), settings.Start);
    }

    [Theory]
    [InlineData("needs --count", "--bad-messages", "5")]
    [InlineData("must not exceed", "--bad-messages", "5", "--count", "4")]
    [InlineData("not key=value", "--setting", "novalue")]
    [InlineData("not key=value", "-X", "=x")]
    [InlineData("not valid", "--symbols", "AAPL,aapl")]
    [InlineData("between 1 and", "--symbols", "0")]
    [InlineData("0 or more", "--rate", "-1")]
    [InlineData("0 or more", "--count", "-1")]
    [InlineData("above 0", "--event-rate", "0")]
    [InlineData("above 0", "--speed", "-2")]
    [InlineData("not an ISO-8601 time", "--start", "yesterday")]
    [InlineData("murmur2_random", "--partitioner", "java")]
    public void BadOptionsAreParseErrors(string message, params string[] args)
    {
        var result = Parse(new ProduceCommand(), args);

        Assert.Contains(result.Errors, e => e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task HelpDescribesTheCommand()
    {
        using var output = new StringWriter();

        var exitCode = await CliApp.CreateRootCommand().Parse(["produce", "--help"])
            .InvokeAsync(new InvocationConfiguration { Output = output, ProcessTerminationTimeout = null });

        Assert.Equal(0, exitCode);
        Assert.Contains("--bad-messages", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("[default: 50]", output.ToString(), StringComparison.Ordinal);
    }

    private static ParseResult Parse(ProduceCommand command, params string[] args)
    {
        var root = new RootCommand { command };
        return root.Parse(["produce", .. args]);
    }
}
