using Microsoft.AspNetCore.SignalR;

namespace Pricing.Web.Hubs;

/// <summary>Sends through the hub context, outside any hub invocation.</summary>
internal sealed class HubClientSender(IHubContext<MarketHub> hub) : IClientSender
{
    public Task SendAsync(string connectionId, string method, object value, CancellationToken cancellationToken) =>
        hub.Clients.Client(connectionId).SendAsync(method, value, cancellationToken);
}
