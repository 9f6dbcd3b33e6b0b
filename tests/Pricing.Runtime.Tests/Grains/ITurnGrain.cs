namespace Pricing.Runtime.Tests.Grains;

/// <summary>Records the order of its turns and whether two of them ever overlapped.</summary>
public interface ITurnGrain : IGrainWithStringKey
{
    /// <summary>Logs <paramref name="sequence"/> and yields a few times inside the turn.</summary>
    ValueTask RecordAsync(int sequence);

    ValueTask<TurnReport> GetReportAsync();

    /// <summary>Stops inside the turn at the probe's blocker <paramref name="blockerName"/>, if one is armed.</summary>
    ValueTask HoldAsync(string blockerName);

    /// <summary>Announces <paramref name="me"/> and waits, inside the turn, until <paramref name="other"/> is announced.</summary>
    ValueTask MeetAsync(string me, string other);
}

public sealed record TurnReport(IReadOnlyList<int> Sequences, int Overlaps, int InstanceId);
