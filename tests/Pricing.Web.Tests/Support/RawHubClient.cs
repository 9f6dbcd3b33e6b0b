using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Pricing.Web.Tests.Support;

/// <summary>
/// A hub client at the byte level: its own TCP socket (with a small receive buffer, so it backs
/// up quickly), a hand-made WebSocket upgrade, and the JSON hub protocol read message by message
/// in wire order. It reads only when asked, which makes it the slow client of the tests.
/// </summary>
internal sealed class RawHubClient : IAsyncDisposable
{
    private const byte RecordSeparator = 0x1e;

    private readonly WebSocket _socket;
    private readonly Queue<JsonElement> _messages = new();
    private readonly MemoryStream _partial = new();
    private readonly byte[] _buffer = new byte[16 * 1024];
    private int _invocations;

    private RawHubClient(WebSocket socket) => _socket = socket;

    public static async Task<RawHubClient> ConnectAsync(Uri baseAddress, int receiveBufferSize = 4096)
    {
        var tcp = new Socket(SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = receiveBufferSize, NoDelay = true };
        await tcp.ConnectAsync(baseAddress.Host, baseAddress.Port);
        var stream = new NetworkStream(tcp, ownsSocket: true);

        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var request = $"GET /hubs/market HTTP/1.1\r\nHost: {baseAddress.Authority}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
            $"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));

        // Read the response head byte by byte so no WebSocket frame is consumed with it.
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one) == 0)
            {
                throw new IOException($"Connection closed during the upgrade: {head}");
            }

            head.Append((char)one[0]);
        }

        Assert.StartsWith("HTTP/1.1 101", head.ToString(), StringComparison.Ordinal);
        var socket = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = false, KeepAliveInterval = Timeout.InfiniteTimeSpan });
        var client = new RawHubClient(socket);
        await client.SendAsync("""{"protocol":"json","version":1}""");
        return client;
    }

    /// <summary>Sends an invocation without waiting for its result; returns its invocation id.</summary>
    public async Task<string> InvokeAsync(string target, params object[] arguments)
    {
        var id = (++_invocations).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await SendAsync(JsonSerializer.Serialize(new { type = 1, invocationId = id, target, arguments }));
        return id;
    }

    /// <summary>The next hub message (handshake response and pings skipped), in wire order.</summary>
    public async Task<JsonElement> ReceiveAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            while (_messages.TryDequeue(out var message))
            {
                if (message.TryGetProperty("type", out var type) && type.GetInt32() != 6)
                {
                    return message;
                }
            }

            var result = await _socket.ReceiveAsync(_buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new IOException("The server closed the connection.");
            }

            Split(_buffer.AsSpan(0, result.Count));
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or IOException)
        {
            // Already gone.
        }

        _socket.Dispose();
        await _partial.DisposeAsync();
    }

    private Task SendAsync(string json) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(json + (char)RecordSeparator), WebSocketMessageType.Text, true, CancellationToken.None);

    private void Split(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            var end = data.IndexOf(RecordSeparator);
            if (end < 0)
            {
                _partial.Write(data);
                return;
            }

            _partial.Write(data[..end]);
            _messages.Enqueue(JsonSerializer.Deserialize<JsonElement>(_partial.GetBuffer().AsSpan(0, (int)_partial.Length)));
            _partial.SetLength(0);
            data = data[(end + 1)..];
        }
    }
}
