using System.Text.Json;

namespace Pricing.Runtime;

/// <summary>Default codec: System.Text.Json with web defaults.</summary>
internal sealed class JsonGrainStateCodec<T> : IGrainStateCodec<T>
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { IncludeFields = true };

    public byte[] Encode(T state) => JsonSerializer.SerializeToUtf8Bytes(state, Options);

    public T Decode(ReadOnlySpan<byte> data) =>
        JsonSerializer.Deserialize<T>(data, Options) ?? throw new InvalidDataException($"Stored {typeof(T).Name} decoded to null.");
}
