namespace Pricing.IngestBench;

/// <summary>A command and its "--name value" options; repeated names accumulate (for --setting).</summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);

    public string Command { get; private init; } = string.Empty;

    public static Arguments Parse(string[] args)
    {
        var parsed = new Arguments { Command = args.Length > 0 ? args[0] : string.Empty };
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            var name = args[i].TrimStart('-');
            if (!parsed._options.TryGetValue(name, out var values))
            {
                values = [];
                parsed._options[name] = values;
            }

            values.Add(args[i + 1]);
        }

        return parsed;
    }

    public string Get(string name, string? fallback = null) =>
        _options.TryGetValue(name, out var values) ? values[^1] : fallback ?? throw new ArgumentException($"--{name} is required");

    public long GetLong(string name, long? fallback = null) =>
        long.Parse(Get(name, fallback?.ToString(System.Globalization.CultureInfo.InvariantCulture)), System.Globalization.CultureInfo.InvariantCulture);

    public double GetDouble(string name, double fallback) =>
        double.Parse(Get(name, fallback.ToString(System.Globalization.CultureInfo.InvariantCulture)), System.Globalization.CultureInfo.InvariantCulture);

    public IReadOnlyList<string> All(string name) => _options.TryGetValue(name, out var values) ? values : [];
}
