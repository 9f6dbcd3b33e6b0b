using System.Net;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Connections;

namespace Pricing.Testing;

/// <summary>
/// A SignalR client transport: connects straight to the hub's <c>ws://</c> URL with
/// <see cref="ClientWebSocket"/>, like the stock client with SkipNegotiation and WebSockets.
/// </summary>
/// <remarks>
/// Why it exists: the stock transport lives in Microsoft.AspNetCore.Http.Connections.Client,
/// which does not restore from the package registry these machines reach. The official
/// <c>HubConnection</c> (handshake, invocations, keep-alive) comes from SignalR.Client.Core and
/// only needs an <see cref="IConnectionFactory"/> to carry its bytes.
/// </remarks>
public sealed class WebSocketConnectionFactory(Action<ClientWebSocketOptions>? configure = null) : IConnectionFactory
{
    public async ValueTask<ConnectionContext> ConnectAsync(EndPoint endpoint, CancellationToken cancellationToken = default)
    {
        if (endpoint is not UriEndPoint { Uri: var uri })
        {
            throw new NotSupportedException($"{nameof(WebSocketConnectionFactory)} needs a {nameof(UriEndPoint)}; got {endpoint}.");
        }

        var socket = new ClientWebSocket();
        configure?.Invoke(socket.Options);
        try
        {
            await socket.ConnectAsync(uri, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new WebSocketConnection(socket);
    }
}
