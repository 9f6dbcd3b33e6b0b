using Microsoft.AspNetCore.SignalR;

namespace Pricing.Silo.Tests.Support;

/// <summary>Recognises the log entry SignalR writes when a hub method rejects a call with a <see cref="HubException"/>.</summary>
internal static class HubErrorLog
{
    public const string DispatcherCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    public static bool IsRejectedCall(LogEntry entry) =>
        entry.Category == DispatcherCategory && entry.Exception is HubException;
}
