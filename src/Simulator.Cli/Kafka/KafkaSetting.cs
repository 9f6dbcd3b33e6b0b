namespace Pricing.Simulator.Cli.Kafka;

/// <summary>A librdkafka setting given as <c>key=value</c> (<c>--setting api.version.request=false</c>).</summary>
internal static class KafkaSetting
{
    /// <summary>Splits at the first '='; the key must not be empty, the value may be.</summary>
    public static bool TryParse(string? text, out KeyValuePair<string, string> setting)
    {
        setting = default;
        var separator = text?.IndexOf('=', StringComparison.Ordinal) ?? -1;
        if (separator <= 0)
            return false;

        var key = text![..separator].Trim();
        if (key.Length == 0)
            return false;

        setting = new KeyValuePair<string, string>(key, text[(separator + 1)..].Trim());
        return true;
    }
}
