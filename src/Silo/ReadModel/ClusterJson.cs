using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pricing.Silo.ReadModel;

/// <summary>JSON for what silos exchange through Redis: web defaults, enums as strings.</summary>
internal static class ClusterJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}
