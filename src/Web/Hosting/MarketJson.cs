using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pricing.Web.Hosting;

/// <summary>
/// The JSON shape shared by the REST API and the hub: camelCase names, enums as strings,
/// <see cref="DateTimeOffset"/> as ISO-8601 (System.Text.Json's default).
/// </summary>
public static class MarketJson
{
    /// <summary>Applies the service's JSON conventions to <paramref name="options"/>.</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = JsonNamingPolicy.CamelCase;
        if (!options.Converters.OfType<JsonStringEnumConverter>().Any())
        {
            options.Converters.Add(new JsonStringEnumConverter());
        }

        return options;
    }
}
