using System.Buffers;
using System.Globalization;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text.Json;
using Pricing.Testing;

namespace Pricing.Silo.Tests.Support;

/// <summary>
/// A market hub client at the wire level: a WebSocket on a TCP socket with a small receive
/// buffer, the JSON hub protocol written and read by hand. It reads only when asked, so it sees
/// messages in the order the server wrote them, and one that is not asked to read backs up its
/// socket quickly: the slow client of the tests.
/// </summary>
/// <remarks>
/// The official <c>HubConnection</c> cannot play the slow client: it reads the socket
/// continuously and queues incoming invocations for its handlers without bound, so a handler
/// that blocks slows nothing on the server.
/// </remarks>
internal sealed class WireHubClient : IAsyncDisposable
{
    private const byte RecordSeparator = 0x1e;
    private const int PingType = 6;

    private readonly ClientWebSocket _socket;
    private readonly HttpMessageInvoker _invoker;
    private readonly Queue<JsonElement> _messages = new();
    private readonly ArrayBufferWriter<byte> _partial = new();
    private readonly byte[] _buffer = new byte[8 * 1024];
    private int _lastInvocationId;

    private WireHubClient(ClientWebSocket socket, HttpMessageInvoker invoker)
    {
        _socket = socket;
        _invoker = invoker;
    }

    /// <summary>Bytes received so far, hub messages and framing.</summary>
    public long BytesReceived { get; private set; }

    /// <summary>Connects, completes the JSON protocol handshake and returns the client.</summary>
    public static async Task<WireHubClient> ConnectAsync(Uri baseAddress, int receiveBufferSize, CancellationToken cancellationToken)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, token) =>
            {
                // The buffer size must be set before connecting to limit the advertised window.
                var tcp = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, ReceiveBufferSize = receiveBufferSize };
                try
                {
                    await tcp.ConnectAsync(context.DnsEndPoint, token);
                    return new NetworkStream(tcp, ownsSocket: true);
                }
                catch
                {
                    tcp.Dispose();
                    throw;
                }
            },
        };
        var invoker = new HttpMessageInvoker(handler);
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = Timeout.InfiniteTimeSpan;
        var client = new WireHubClient(socket, invoker);
        try
        {
            await socket.ConnectAsync(MarketHubClient.HubUri(baseAddress), invoker, cancellationToken);
            await client.SendAsync(new { protocol = "json", version = 1 }, cancellationToken);
            var handshake = await client.ReceiveAnyAsync(cancellationToken);
            if (handshake.TryGetProperty("error", out var error))
            {
                throw new InvalidOperationException($"Hub handshake failed: {error}");
            }
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }

        return client;
    }

    /// <summary>Sends an invocation that expects a completion; returns its invocation id.</summary>
    public async Task<string> InvokeAsync(string target, object[] arguments, CancellationToken cancellationToken)
    {
        var id = (++_lastInvocationId).ToString(CultureInfo.InvariantCulture);
        await SendAsync(new { type = 1, invocationId = id, target, arguments }, cancellationToken);
        return id;
    }

    /// <summary>The next hub message in wire order, pings skipped.</summary>
    public async Task<JsonElement> ReceiveAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var message = await ReceiveAnyAsync(cancellationToken);
            if (!message.TryGetProperty("type", out var type) || type.GetInt32() != PingType)
            {
                return message;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                // The server went first; nothing left to close politely.
            }
        }

        _socket.Dispose();
        _invoker.Dispose();
    }

    private async Task SendAsync(object message, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(message);
        await _socket.SendAsync((byte[])[.. bytes, RecordSeparator], WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
    }

    private async Task<JsonElement> ReceiveAnyAsync(CancellationToken cancellationToken)
    {
        while (!_messages.TryPeek(out _))
        {
            var result = await _socket.ReceiveAsync(_buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new WebSocketException($"The server closed the connection: {result.CloseStatus} {result.CloseStatusDescription}");
            }

            BytesReceived += result.Count;
            _partial.Write(_buffer.AsSpan(0, result.Count));
            SplitMessages();
        }

        return _messages.Dequeue();
    }

    // Hub messages end with a record separator; a WebSocket frame may hold several, or part of one.
    private void SplitMessages()
    {
        var data = _partial.WrittenSpan;
        var start = 0;
        int end;
        while ((end = data[start..].IndexOf(RecordSeparator)) >= 0)
        {
            using var document = JsonDocument.Parse(data.Slice(start, end).ToArray());
            _messages.Enqueue(document.RootElement.Clone());
            start += end + 1;
        }

        var rest = data[start..].ToArray();
        _partial.Clear();
        _partial.Write(rest);
    }
}
