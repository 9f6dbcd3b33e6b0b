namespace Pricing.Runtime;

/// <summary>
/// Turns a state object into bytes and back, so storage never shares a live object with a grain.
/// JSON by default; register a closed <c>IGrainStateCodec&lt;YourState&gt;</c> for a compact format.
/// </summary>
public interface IGrainStateCodec<T>
{
    byte[] Encode(T state);

    T Decode(ReadOnlySpan<byte> data);
}
