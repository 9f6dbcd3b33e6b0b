using Xunit.Sdk;

namespace Pricing.Grains.Tests.Reference;

/// <summary>Collects every disagreement at a checkpoint, so one failure shows them all with the seed.</summary>
internal sealed class Mismatches(string context)
{
    private const int Shown = 25;
    private readonly List<string> _found = [];

    public void Equal<T>(string what, T expected, T actual)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            _found.Add($"{what}: expected {expected}, actual {actual}");
        }
    }

    /// <summary>For loops: the caller compares first, so labels are only built for failures.</summary>
    public void Add(string mismatch) => _found.Add(mismatch);

    public void True(bool condition, string what)
    {
        if (!condition)
        {
            _found.Add(what);
        }
    }

    public void ThrowIfAny()
    {
        if (_found.Count == 0)
        {
            return;
        }

        var more = _found.Count > Shown ? $"\n... and {_found.Count - Shown} more" : string.Empty;
        throw new XunitException($"{context}: {_found.Count} mismatch(es)\n{string.Join('\n', _found.Take(Shown))}{more}");
    }
}
