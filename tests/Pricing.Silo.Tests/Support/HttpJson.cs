using System.Net;
using System.Text.Json;
using Pricing.Testing;

namespace Pricing.Silo.Tests.Support;

/// <summary>Reading the API's answers: JSON bodies with the service's conventions, and RFC 9457 problems.</summary>
internal static class HttpJson
{
    public const string ProblemMediaType = "application/problem+json";

    /// <summary>camelCase, enums as strings: what the silo writes.</summary>
    public static readonly JsonSerializerOptions Options = MarketHubClient.ConfigureJson(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>GETs <paramref name="path"/>, asserts 200 with a JSON body and returns it deserialised.</summary>
    public static async Task<T> GetOkAsync<T>(this HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: expected 200, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonSerializer.Deserialize<T>(body, Options) ?? throw new InvalidOperationException($"GET {path} returned null.");
    }

    /// <summary>GETs <paramref name="path"/>, asserts a problem response with <paramref name="status"/> and returns its body.</summary>
    public static async Task<JsonElement> GetProblemAsync(this HttpClient http, string path, HttpStatusCode status)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        return await http.SendForProblemAsync(request, status);
    }

    public static async Task<JsonElement> SendForProblemAsync(this HttpClient http, HttpRequestMessage request, HttpStatusCode status)
    {
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var what = $"{request.Method} {request.RequestUri}";
        Assert.True(response.StatusCode == status, $"{what}: expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.True(response.Content.Headers.ContentType?.MediaType == ProblemMediaType, $"{what}: content type {response.Content.Headers.ContentType}: {body}");
        var problem = JsonSerializer.Deserialize<JsonElement>(body);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()), $"{what}: problem without a title: {body}");
        return problem;
    }

    /// <summary>The messages under <c>errors[parameter]</c>, joined; fails if the parameter is not named.</summary>
    public static string ErrorsFor(this JsonElement problem, string parameter)
    {
        var messages = default(JsonElement);
        Assert.True(
            problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(parameter, out messages),
            $"the problem names '{parameter}' in errors: {problem}");
        return string.Join(" | ", messages.EnumerateArray().Select(m => m.GetString()));
    }
}
