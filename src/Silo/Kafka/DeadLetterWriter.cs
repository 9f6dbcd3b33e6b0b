using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Confluent.Kafka;
using Npgsql;
using Pricing.Silo.Ingest;

namespace Pricing.Silo.Kafka;

/// <summary>
/// Sends a malformed message to the dead-letter topic with the reason and its original
/// position, so it is kept for inspection and never stalls its partition. Each input position is
/// recorded in PostgreSQL first: on a replay after a crash, a dead letter already sent is not
/// sent again. (The 0.9 broker has no transactions, so a crash between delivery and marking it
/// sent can still repeat one; the message key is the input position, so readers can drop it.)
/// </summary>
internal sealed class DeadLetterWriter : IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly KafkaOptions _options;
    private readonly IngestMetrics _metrics;
    private readonly IProducer<byte[], byte[]> _producer;

    public DeadLetterWriter(NpgsqlDataSource dataSource, KafkaOptions options, IngestMetrics metrics, string clientId)
    {
        _dataSource = dataSource;
        _options = options;
        _metrics = metrics;
        _producer = new ProducerBuilder<byte[], byte[]>(KafkaClientSettings.Producer(options, clientId + "-dlq")).Build();
    }

    public async Task WriteAsync(string topic, int partition, long offset, byte[]? key, byte[]? value, string reason, CancellationToken cancellationToken)
    {
        if (await AlreadySentAsync(topic, partition, offset, reason, cancellationToken))
        {
            return;
        }

        var position = $"{topic}/{partition}/{offset}";
        await _producer.ProduceAsync(
            _options.DeadLetterTopic,
            new Message<byte[], byte[]> { Key = Encoding.UTF8.GetBytes(position), Value = Describe(topic, partition, offset, key, value, reason) },
            cancellationToken);

        await using var mark = _dataSource.CreateCommand("update dead_letters set sent = true where topic = $1 and partition = $2 and \"offset\" = $3");
        mark.Parameters.Add(new() { Value = topic });
        mark.Parameters.Add(new() { Value = partition });
        mark.Parameters.Add(new() { Value = offset });
        await mark.ExecuteNonQueryAsync(cancellationToken);
        _metrics.MessageRejected(reason.Split(' ', 2)[0]);
    }

    public void Dispose()
    {
        _producer.Flush(TimeSpan.FromSeconds(5));
        _producer.Dispose();
    }

    private async Task<bool> AlreadySentAsync(string topic, int partition, long offset, string reason, CancellationToken cancellationToken)
    {
        await using var record = _dataSource.CreateCommand(
            """
            insert into dead_letters (topic, partition, "offset", reason) values ($1, $2, $3, $4)
            on conflict (topic, partition, "offset") do update set reason = excluded.reason
            returning sent
            """);
        record.Parameters.Add(new() { Value = topic });
        record.Parameters.Add(new() { Value = partition });
        record.Parameters.Add(new() { Value = offset });
        record.Parameters.Add(new() { Value = reason });
        return (bool)(await record.ExecuteScalarAsync(cancellationToken))!;
    }

    private static byte[] Describe(string topic, int partition, long offset, byte[]? key, byte[]? value, string reason)
    {
        var buffer = new ArrayBufferWriter<byte>();
        // Relaxed escaping keeps the original value readable (quotes as \", not \u0022).
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("reason", reason);
            json.WriteString("topic", topic);
            json.WriteNumber("partition", partition);
            json.WriteNumber("offset", offset);
            WriteBytes(json, "key", key);
            WriteBytes(json, "value", value);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Text when the bytes are valid UTF-8, otherwise base64 (with a flag saying so).</summary>
    private static void WriteBytes(Utf8JsonWriter json, string name, byte[]? bytes)
    {
        if (bytes is null)
        {
            json.WriteNull(name);
            return;
        }

        try
        {
            json.WriteString(name, new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes));
        }
        catch (DecoderFallbackException)
        {
            json.WriteBase64String(name, bytes);
            json.WriteBoolean(name + "IsBase64", true);
        }
    }
}
