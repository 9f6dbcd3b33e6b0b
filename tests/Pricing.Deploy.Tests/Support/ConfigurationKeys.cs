using System.Collections;
using System.Reflection;
using Pricing.Silo.Hosting;
using Pricing.Silo.Kafka;
using Pricing.Silo.Postgres;
using Pricing.Silo.Redis;

namespace Pricing.Deploy.Tests.Support;

/// <summary>
/// Checks environment variable names against the silo's options classes, so that a typo in a
/// manifest (which .NET would silently ignore) fails a test instead.
/// </summary>
internal static class ConfigurationKeys
{
    private static readonly Dictionary<string, Type> Sections = new(StringComparer.OrdinalIgnoreCase)
    {
        [SiloOptions.SectionName] = typeof(SiloOptions),
        [KafkaOptions.SectionName] = typeof(KafkaOptions),
        [PostgresOptions.SectionName] = typeof(PostgresOptions),
        [RedisOptions.SectionName] = typeof(RedisOptions),
    };

    /// <summary>Null when <paramref name="variable"/> (e.g. <c>Pricing__Kafka__Topic</c>) binds to a setting; else why not.</summary>
    public static string? Problem(string variable)
    {
        var parts = variable.Split("__");
        for (var length = parts.Length - 1; length >= 1; length--)
        {
            if (!Sections.TryGetValue(string.Join(':', parts.Take(length)), out var options))
            {
                continue;
            }

            var property = options.GetProperty(parts[length], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null)
            {
                return $"{variable}: {options.Name} has no property {parts[length]}";
            }

            var rest = parts.Length - length - 1;
            var isDictionary = typeof(IDictionary).IsAssignableFrom(property.PropertyType);
            return (rest, isDictionary) switch
            {
                (0, false) => null,
                (1, true) => null,
                _ => $"{variable}: {options.Name}.{property.Name} does not take {(rest == 0 ? "a plain value" : "nested keys")}",
            };
        }

        return $"{variable}: no options section of the silo matches";
    }
}
