using System.Net;
using Pricing.Silo.Tests.Support;

namespace Pricing.Silo.Tests.Api;

/// <summary>Every bad request gets RFC 9457 problem details (<c>application/problem+json</c>) that say what was wrong.</summary>
[Collection(SiloCollection.Name)]
public sealed class ProblemDetailsTests(SiloFixture silo)
{
    private const string AllowedIntervals = "1m, 5m, 15m, 1h, 4h, 1d";

    public static TheoryData<string> SymbolPaths =>
    [
        "api/v1/quotes/{0}",
        "api/v1/symbols/{0}/stats",
        "api/v1/candles/{0}",
        "api/v1/trades/{0}",
    ];

    [Theory]
    [MemberData(nameof(SymbolPaths))]
    public async Task UnknownSymbolIsNotFoundAndNamed(string pathFormat)
    {
        var problem = await silo.Http.GetProblemAsync(string.Format(null, pathFormat, "ZZZZ"), HttpStatusCode.NotFound);

        Assert.Contains("'ZZZZ'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownSymbolInLowerCaseIsNamedInUpperCase()
    {
        var problem = await silo.Http.GetProblemAsync("api/v1/quotes/nvda", HttpStatusCode.NotFound);

        Assert.Contains("'NVDA'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("/api/v1/quotes/nvda", problem.GetProperty("instance").GetString());
    }

    [Theory]
    [MemberData(nameof(SymbolPaths))]
    public async Task InvalidSymbolIsBadRequestNamingThePattern(string pathFormat)
    {
        var problem = await silo.Http.GetProblemAsync(string.Format(null, pathFormat, "BAD$SYM"), HttpStatusCode.BadRequest);

        var errors = problem.ErrorsFor("symbol");
        Assert.Contains("'BAD$SYM'", errors, StringComparison.Ordinal);
        Assert.Contains(SymbolRules.Pattern, errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ABCDEFGHIJKLMNOPQ")] // 17 characters
    [InlineData("-AAPL")]
    [InlineData("BRK%2FB")] // BRK/B, escaped so it stays one path segment
    public async Task SymbolsOutsideThePatternAreBadRequests(string symbol)
    {
        var problem = await silo.Http.GetProblemAsync($"api/v1/quotes/{symbol}", HttpStatusCode.BadRequest);

        Assert.Contains(SymbolRules.Pattern, problem.ErrorsFor("symbol"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2m")]
    [InlineData("1w")]
    [InlineData("60")]
    public async Task BadIntervalIsBadRequestListingTheAllowedValues(string interval)
    {
        var problem = await silo.Http.GetProblemAsync($"api/v1/candles/AAPL?interval={interval}", HttpStatusCode.BadRequest);

        var errors = problem.ErrorsFor("interval");
        Assert.Contains($"'{interval}'", errors, StringComparison.Ordinal);
        Assert.Contains(AllowedIntervals, errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("trades", "0")]
    [InlineData("trades", "1001")]
    [InlineData("trades", "abc")]
    [InlineData("trades", "-1")]
    [InlineData("candles", "0")]
    [InlineData("candles", "1001")]
    [InlineData("candles", "abc")]
    public async Task LimitOutsideOneToThousandIsBadRequestNamingTheRange(string resource, string limit)
    {
        var problem = await silo.Http.GetProblemAsync($"api/v1/{resource}/AAPL?limit={limit}", HttpStatusCode.BadRequest);

        var errors = problem.ErrorsFor("limit");
        Assert.Contains("1 to 1000", errors, StringComparison.Ordinal);
        Assert.Contains($"'{limit}'", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("trades", "abc")]
    [InlineData("trades", "0")]
    [InlineData("trades", "-5")]
    [InlineData("trades", "1e3")]
    [InlineData("candles", "abc")]
    [InlineData("candles", "-5")]
    [InlineData("candles", "99999999999999999999")]
    public async Task BadCursorIsBadRequest(string resource, string cursor)
    {
        var problem = await silo.Http.GetProblemAsync($"api/v1/{resource}/AAPL?before={cursor}", HttpStatusCode.BadRequest);

        Assert.Contains("not a valid cursor", problem.ErrorsFor("before"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryBadParameterIsNamedInOneProblem()
    {
        var problem = await silo.Http.GetProblemAsync("api/v1/candles/BAD$?interval=7m&limit=0&before=x", HttpStatusCode.BadRequest);

        Assert.Equal(["before", "interval", "limit", "symbol"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task UnknownApiRouteIsNotFoundProblem()
    {
        await silo.Http.GetProblemAsync("api/v1/no-such-thing", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task WrongMethodIsMethodNotAllowedProblem()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/quotes/AAPL");

        await silo.Http.SendForProblemAsync(request, HttpStatusCode.MethodNotAllowed);
    }
}
