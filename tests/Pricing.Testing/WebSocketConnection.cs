using System.Buffers;
using System.IO.Pipelines;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Features;

namespace Pricing.Testing;

/// <summary>
/// A connected <see cref="ClientWebSocket"/> as a SignalR <see cref="ConnectionContext"/>: one
/// pump copies received frames into the transport's input, another sends what the hub
/// connection writes as text messages (the JSON protocol frames messages itself).
/// </summary>
internal sealed class WebSocketConnection : ConnectionContext
{
    private readonly ClientWebSocket _socket;
    private readonly DuplexPipe _application;
    private readonly CancellationTokenSource _aborted = new();
    private readonly Task _receiving;
    private readonly Task _sending;

    public WebSocketConnection(ClientWebSocket socket)
    {
        _socket = socket;
        var input = new Pipe();
        var output = new Pipe();
        Transport = new DuplexPipe(input.Reader, output.Writer);
        _application = new DuplexPipe(output.Reader, input.Writer);
        _receiving = ReceiveAsync();
        _sending = SendAsync();
    }

    public override string ConnectionId { get; set; } = Guid.NewGuid().ToString("N");

    public override IFeatureCollection Features { get; } = new FeatureCollection();

    public override IDictionary<object, object?> Items { get; set; } = new Dictionary<object, object?>();

    public override IDuplexPipe Transport { get; set; }

    public override void Abort(ConnectionAbortedException abortReason) => _aborted.Cancel();

    public override async ValueTask DisposeAsync()
    {
        // Completing the output makes the send pump close the socket; give the close handshake a moment.
        await Transport.Output.CompleteAsync();
        var pumps = Task.WhenAll(_sending, _receiving);
        if (await Task.WhenAny(pumps, Task.Delay(TimeSpan.FromSeconds(5))) != pumps)
        {
            await _aborted.CancelAsync();
        }

        await pumps;
        _socket.Dispose();
        _aborted.Dispose();
        await base.DisposeAsync();
    }

    private async Task ReceiveAsync()
    {
        var writer = _application.Output;
        Exception? error = null;
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(writer.GetMemory(4096), _aborted.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                writer.Advance(result.Count);
                if ((await writer.FlushAsync(_aborted.Token)).IsCompleted)
                {
                    break;
                }
            }
        }
        catch (Exception exception)
        {
            // Whatever ended the socket ends the hub connection, with the reason unless we aborted.
            error = _aborted.IsCancellationRequested ? null : exception;
        }

        await writer.CompleteAsync(error);
    }

    private async Task SendAsync()
    {
        var reader = _application.Input;
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(_aborted.Token);
                var buffer = result.Buffer;
                if (!buffer.IsEmpty)
                {
                    await SendMessageAsync(buffer);
                }

                reader.AdvanceTo(buffer.End);
                if (result.IsCompleted)
                {
                    break;
                }
            }

            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, _aborted.Token);
            }
        }
        catch (Exception)
        {
            // The socket is gone; the receive pump reports it.
        }

        await reader.CompleteAsync();
    }

    // One WebSocket message per flush; the JSON protocol's record separators frame hub messages.
    private async Task SendMessageAsync(ReadOnlySequence<byte> buffer)
    {
        if (buffer.IsSingleSegment)
        {
            await _socket.SendAsync(buffer.First, WebSocketMessageType.Text, endOfMessage: true, _aborted.Token);
            return;
        }

        ReadOnlyMemory<byte>? previous = null;
        foreach (var segment in buffer)
        {
            if (previous is { } ready)
            {
                await _socket.SendAsync(ready, WebSocketMessageType.Text, endOfMessage: false, _aborted.Token);
            }

            previous = segment;
        }

        await _socket.SendAsync(previous!.Value, WebSocketMessageType.Text, endOfMessage: true, _aborted.Token);
    }
}
