using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Pricing.Web.Tests.Api;

internal static class Problems
{
    /// <summary>Asserts an RFC 9457 problem response with <paramref name="status"/> and returns its body.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonSerializer.Deserialize<JsonElement>(body);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("type").GetString()));
        return problem;
    }

    /// <summary>The messages of <c>errors[parameter]</c>, joined.</summary>
    public static string Errors(this JsonElement problem, string parameter) =>
        string.Join(" | ", problem.GetProperty("errors").GetProperty(parameter).EnumerateArray().Select(e => e.GetString()));

    public static async Task<T> ReadJsonAsync<T>(this HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    public static readonly JsonSerializerOptions Json = Pricing.Testing.MarketHubClient.ConfigureJson(new JsonSerializerOptions(JsonSerializerDefaults.Web));
}
