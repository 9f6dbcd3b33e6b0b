namespace Pricing.Runtime;

/// <summary>
/// A storage write found a different version than the activation's ETag, or was fenced off:
/// someone else owns newer state. The runtime deactivates the activation without writing
/// (Orleans: <c>InconsistentStateException</c>).
/// </summary>
public sealed class InconsistentStateException : Exception
{
    public InconsistentStateException() { }

    public InconsistentStateException(string message) : base(message) { }

    public InconsistentStateException(string message, Exception innerException) : base(message, innerException) { }

    public InconsistentStateException(string message, string? storedEtag, string? currentEtag)
        : base($"{message} (stored version {storedEtag ?? "none"}, activation's version {currentEtag ?? "none"})")
    {
        StoredEtag = storedEtag;
        CurrentEtag = currentEtag;
    }

    public string? StoredEtag { get; }

    public string? CurrentEtag { get; }
}
