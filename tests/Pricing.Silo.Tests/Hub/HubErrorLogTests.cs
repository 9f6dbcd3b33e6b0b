using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using Pricing.Silo.Tests.Support;
using Pricing.Testing;

namespace Pricing.Silo.Tests.Hub;

/// <summary>A client's bad input is the client's error: the client is told, the silo's error log stays clean.</summary>
[Collection(SiloCollection.Name)]
public sealed class HubErrorLogTests(SiloFixture silo)
{
    [Theory]
    [InlineData("BAD SYMBOL")]
    [InlineData("ZZZZ")]
    public async Task RejectedSubscribeIsNotLoggedAsAServerError(string symbol)
    {
        await using var connection = await silo.Factory.ConnectHubAsync();
        var logged = silo.Factory.Log.Entries.Count;

        await Assert.ThrowsAsync<HubException>(() => connection.SubscribeAsync([symbol]));
        // The completion reaches the client after the dispatcher has logged; one more call makes sure.
        await connection.SubscribeAsync(["AAPL"]);

        var errors = silo.Factory.Log.Entries.Skip(logged).Where(e => e.Level >= LogLevel.Error).ToList();
        Assert.True(errors.Count == 0, $"a rejected Subscribe({symbol}) was logged as an error by the silo:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
    }
}
