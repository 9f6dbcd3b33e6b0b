namespace Pricing.Runtime;

/// <summary>State of a grain with its storage version (Orleans: <c>IGrainState&lt;T&gt;</c>).</summary>
public interface IGrainState<T>
{
    T State { get; set; }

    /// <summary>Version of the stored record this state was read from or last written as; null if never stored.</summary>
    string? ETag { get; set; }

    bool RecordExists { get; set; }
}

/// <summary>Default <see cref="IGrainState{T}"/>.</summary>
public sealed class GrainState<T>(T state) : IGrainState<T>
{
    public T State { get; set; } = state;

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }
}
