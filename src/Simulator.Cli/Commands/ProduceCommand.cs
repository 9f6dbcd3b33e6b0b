using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Pricing.Simulator.Cli.Kafka;
using Pricing.Simulator.Cli.Producing;

namespace Pricing.Simulator.Cli.Commands;

/// <summary><c>pricing-sim produce</c>: simulated ticks to a Kafka topic in the tick message format.</summary>
internal sealed class ProduceCommand : Command
{
    private static readonly string[] Partitioners =
        ["murmur2_random", "murmur2", "consistent_random", "consistent", "random", "fnv1a_random", "fnv1a"];

    private readonly Option<string> _bootstrapServers = new("--bootstrap-servers", "-b")
    {
        Description = "Kafka bootstrap servers.",
        DefaultValueFactory = _ => "127.0.0.1:19092",
    };

    private readonly Option<string> _topic = new("--topic", "-t")
    {
        Description = "Topic to produce to.",
        DefaultValueFactory = _ => "ticks",
    };

    // A string rather than the parsed list so that help shows the default as "50", not 50 names.
    private readonly Option<string> _symbols = new("--symbols", "-s")
    {
        Description = "A count N (the first N built-in symbols, then S0051, S0052, ...) or a comma-separated list.",
        HelpName = "N|LIST",
        DefaultValueFactory = _ => "50",
    };

    private readonly Option<double> _rate = new("--rate", "-r")
    {
        Description = "Ticks per second; 0 = as fast as possible (event times then follow --event-rate).",
        DefaultValueFactory = _ => 1000,
    };

    private readonly Option<long> _count = new("--count", "-n")
    {
        Description = "Good ticks to produce; 0 = until interrupted (Ctrl+C).",
        DefaultValueFactory = _ => 0,
    };

    private readonly Option<int?> _seed = new("--seed")
    {
        Description = "Simulator seed; the same seed, start and options give the same ticks. Default: random, printed in the summary.",
    };

    private readonly Option<DateTimeOffset?> _start = new("--start")
    {
        Description = "Event time of the first tick, ISO-8601 (no offset = UTC). Default: now.",
        HelpName = "TIME",
        CustomParser = ParseStart,
    };

    private readonly Option<double> _eventRate = new("--event-rate")
    {
        Description = "With --rate 0: event-time ticks per second, spread evenly (1000 puts 1,000,000 ticks over about 17 minutes).",
        DefaultValueFactory = _ => 1000,
    };

    private readonly Option<double> _speed = new("--speed")
    {
        Description = "With --rate above 0: event seconds per wall-clock second (3600 runs an hour a second).",
        DefaultValueFactory = _ => 1,
    };

    private readonly Option<FileInfo?> _expected = new("--expected")
    {
        Description = "Write the results an exactly-once consumer must reach to this JSON file (only if every message was delivered).",
        HelpName = "FILE",
    };

    private readonly Option<int> _badMessages = new("--bad-messages")
    {
        Description = "Malformed messages to mix in at random positions (deterministic by seed); needs --count.",
        HelpName = "N",
        DefaultValueFactory = _ => 0,
    };

    private readonly Option<string[]> _settings = new("--setting", "-X")
    {
        Description = "A librdkafka setting key=value, repeatable; applied last. Kafka 0.9 needs api.version.request=false and broker.version.fallback=0.9.0.1.",
        HelpName = "KEY=VALUE",
        Arity = ArgumentArity.OneOrMore,
    };

    private readonly Option<string> _partitioner = new("--partitioner")
    {
        Description = "librdkafka partitioner; murmur2_random hashes keys like Java clients.",
        DefaultValueFactory = _ => "murmur2_random",
    };

    public ProduceCommand()
        : base("produce", "Produce simulated ticks to Kafka in the tick message format (docs/tick-message.md).")
    {
        _partitioner.AcceptOnlyFromAmong(Partitioners);
        _rate.Validators.Add(r => NotNegative(r, _rate));
        _count.Validators.Add(r => NotNegative(r, _count));
        _badMessages.Validators.Add(r => NotNegative(r, _badMessages));
        _eventRate.Validators.Add(r => Positive(r, _eventRate));
        _speed.Validators.Add(r => Positive(r, _speed));
        _settings.Validators.Add(ValidateSettings);
        _symbols.Validators.Add(ValidateSymbols);
        Validators.Add(ValidateBadMessages);

        Options.Add(_bootstrapServers);
        Options.Add(_topic);
        Options.Add(_symbols);
        Options.Add(_rate);
        Options.Add(_count);
        Options.Add(_seed);
        Options.Add(_start);
        Options.Add(_eventRate);
        Options.Add(_speed);
        Options.Add(_expected);
        Options.Add(_badMessages);
        Options.Add(_settings);
        Options.Add(_partitioner);

        SetAction((parseResult, cancellationToken) =>
        {
            var configuration = parseResult.InvocationConfiguration;
            var runner = new ProduceRunner(Bind(parseResult), configuration.Output, configuration.Error, TimeProvider.System);
            return runner.RunAsync(cancellationToken);
        });
    }

    internal ProduceSettings Bind(ParseResult parseResult) => new()
    {
        BootstrapServers = parseResult.GetRequiredValue(_bootstrapServers),
        Topic = parseResult.GetRequiredValue(_topic),
        Symbols = SymbolSelection.TryParse(parseResult.GetRequiredValue(_symbols), out var symbols, out var error)
            ? symbols
            : throw new ArgumentException(error),
        Rate = parseResult.GetValue(_rate),
        Count = parseResult.GetValue(_count),
        Seed = parseResult.GetValue(_seed),
        Start = parseResult.GetValue(_start),
        EventRate = parseResult.GetValue(_eventRate),
        Speed = parseResult.GetValue(_speed),
        ExpectedPath = parseResult.GetValue(_expected)?.FullName,
        BadMessages = parseResult.GetValue(_badMessages),
        KafkaSettings = [.. (parseResult.GetValue(_settings) ?? []).Select(Setting)],
        Partitioner = parseResult.GetRequiredValue(_partitioner),
    };

    private static void ValidateSymbols(OptionResult result)
    {
        if (!SymbolSelection.TryParse(result.GetValueOrDefault<string>(), out _, out var error))
            result.AddError(error);
    }

    private static DateTimeOffset? ParseStart(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var start))
            return start;

        result.AddError($"--start '{text}' is not an ISO-8601 time, e.g. 2026-11-22T00:00:00Z.");
        return null;
    }

    private static void NotNegative<T>(OptionResult result, Option<T> option)
        where T : System.Numerics.INumber<T>
    {
        var value = result.GetValueOrDefault<T>();
        if (T.IsNegative(value) || T.IsNaN(value))
            result.AddError($"{option.Name} must be 0 or more, was {value}.");
    }

    private static void Positive<T>(OptionResult result, Option<T> option)
        where T : System.Numerics.INumber<T>
    {
        var value = result.GetValueOrDefault<T>();
        if (!T.IsPositive(value) || T.IsZero(value) || T.IsNaN(value) || T.IsInfinity(value))
            result.AddError($"{option.Name} must be above 0, was {value}.");
    }

    private static void ValidateSettings(OptionResult result)
    {
        foreach (var text in result.GetValueOrDefault<string[]>() ?? [])
        {
            if (!KafkaSetting.TryParse(text, out _))
                result.AddError($"--setting '{text}' is not key=value.");
        }
    }

    private void ValidateBadMessages(CommandResult result)
    {
        var bad = result.GetValue(_badMessages);
        var count = result.GetValue(_count);
        if (bad > 0 && count == 0)
            result.AddError("--bad-messages needs --count: the malformed messages are placed among a known number of ticks.");
        else if (bad > count && count > 0)
            result.AddError($"--bad-messages ({bad}) must not exceed --count ({count}).");
    }

    private static KeyValuePair<string, string> Setting(string text) =>
        KafkaSetting.TryParse(text, out var setting) ? setting : throw new ArgumentException($"'{text}' is not key=value.", nameof(text));
}
