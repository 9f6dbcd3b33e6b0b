using System.Text.Json;

namespace Pricing.Deploy.Tests.Support;

/// <summary>Rendered Kubernetes objects, looked up by kind and name.</summary>
internal sealed class Manifests(IReadOnlyList<JsonElement> objects)
{
    public IReadOnlyList<JsonElement> Objects { get; } = objects;

    public IEnumerable<JsonElement> OfKind(string kind) => Objects.Where(o => o.GetProperty("kind").GetString() == kind);

    /// <summary>The only object of a kind; fails naming what there is.</summary>
    public JsonElement Single(string kind)
    {
        var found = OfKind(kind).ToList();
        Assert.True(found.Count == 1, $"expected one {kind}, found {found.Count} among: {string.Join(", ", Objects.Select(Describe))}");
        return found[0];
    }

    public static string Name(JsonElement item) => item.GetProperty("metadata").GetProperty("name").GetString()!;

    public static string Describe(JsonElement item) => $"{item.GetProperty("kind").GetString()}/{Name(item)}";
}
