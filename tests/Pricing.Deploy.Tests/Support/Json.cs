using System.Text.Json;

namespace Pricing.Deploy.Tests.Support;

/// <summary>Reads rendered manifests by path, failing with the path that is missing.</summary>
internal static class Json
{
    /// <summary>Follows a dotted path (<c>spec.template.spec</c>); fails naming the first missing step.</summary>
    public static JsonElement At(this JsonElement element, string path)
    {
        var current = element;
        foreach (var step in path.Split('.'))
        {
            Assert.True(current.ValueKind == JsonValueKind.Object && current.TryGetProperty(step, out current), $"'{path}' is missing (at '{step}') in {Truncate(element)}");
        }

        return current;
    }

    public static JsonElement? Find(this JsonElement element, string path)
    {
        var current = element;
        foreach (var step in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(step, out current))
            {
                return null;
            }
        }

        return current;
    }

    public static string Text(this JsonElement element, string path) => element.At(path).ToString();

    public static int Int(this JsonElement element, string path) => element.At(path).GetInt32();

    public static IEnumerable<JsonElement> Items(this JsonElement element, string path) => element.At(path).EnumerateArray();

    private static string Truncate(JsonElement element)
    {
        var text = element.GetRawText();
        return text.Length <= 400 ? text : text[..400] + "...";
    }
}
