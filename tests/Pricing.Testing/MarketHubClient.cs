using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Pricing.Testing;

/// <summary>
/// Builds the official SignalR <see cref="HubConnection"/> for the market hub over
/// <see cref="WebSocketConnectionFactory"/>, with the server's JSON conventions (camelCase,
/// enums as strings). What integration and load tests use to talk to a silo.
/// </summary>
public static class MarketHubClient
{
    /// <summary>The hub's path, relative to the service's base address.</summary>
    public const string HubPath = "hubs/market";

    /// <summary>Builds and starts a connection to <c>{baseAddress}hubs/market</c>.</summary>
    public static async Task<HubConnection> ConnectAsync(Uri baseAddress, Action<IHubConnectionBuilder>? configure = null, CancellationToken cancellationToken = default)
    {
        var connection = Build(baseAddress, configure);
        try
        {
            await connection.StartAsync(cancellationToken);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        return connection;
    }

    /// <summary>Builds a connection without starting it (to register handlers first).</summary>
    public static HubConnection Build(Uri baseAddress, Action<IHubConnectionBuilder>? configure = null)
    {
        var builder = new HubConnectionBuilder();
        builder.Services.AddSingleton<IConnectionFactory>(new WebSocketConnectionFactory());
        builder.Services.AddSingleton<EndPoint>(new UriEndPoint(HubUri(baseAddress)));
        builder.AddJsonProtocol(options => ConfigureJson(options.PayloadSerializerOptions));
        configure?.Invoke(builder);
        return builder.Build();
    }

    /// <summary>The hub's WebSocket URL: <c>ws://host:port/hubs/market</c> (<c>wss</c> for https).</summary>
    public static Uri HubUri(Uri baseAddress)
    {
        var uri = new UriBuilder(new Uri(baseAddress, HubPath));
        uri.Scheme = uri.Scheme switch
        {
            "https" or "wss" => "wss",
            _ => "ws",
        };
        return uri.Uri;
    }

    /// <summary>The service's JSON conventions (the same as the server's <c>MarketJson</c>).</summary>
    public static JsonSerializerOptions ConfigureJson(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }
}
