using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace Pricing.Web.Hubs;

/// <summary>
/// Logs hub calls that fail. SignalR's dispatcher logs every exception a hub method throws at
/// Error, including the <see cref="HubException"/>s by which the hub rejects a client's bad input,
/// so its category is turned down (<c>AddMarketHub</c>) and this filter logs instead: a rejected
/// call at Debug (the client is told why), a failure of the service at Error.
/// </summary>
internal sealed partial class HubCallLogging(ILogger<MarketHub> logger) : IHubFilter
{
    public const string DispatcherCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (HubException ex)
        {
            LogRejected(invocationContext.HubMethodName, invocationContext.Context.ConnectionId, ex.Message);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(ex, invocationContext.HubMethodName, invocationContext.Context.ConnectionId);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Rejected {Method} from connection {ConnectionId}: {Reason}")]
    private partial void LogRejected(string method, string connectionId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Hub method {Method} failed for connection {ConnectionId}")]
    private partial void LogFailed(Exception exception, string method, string connectionId);
}
