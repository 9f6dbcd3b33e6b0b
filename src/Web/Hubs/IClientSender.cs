namespace Pricing.Web.Hubs;

/// <summary>Sends one message to one connection; the outbox's only way out (a fake in tests).</summary>
internal interface IClientSender
{
    /// <summary>Completes when the message is written; a client whose socket backs up makes this wait.</summary>
    Task SendAsync(string connectionId, string method, object value, CancellationToken cancellationToken);
}
