namespace Pricing.Runtime.Tests.Grains;

/// <summary>Throws when asked to; fails activation while the probe says so.</summary>
public interface IFaultyGrain : IGrainWithStringKey
{
    ValueTask<int> IncrementAsync();

    /// <summary>Increments, awaits, then throws <see cref="GrainFaultException"/> with <paramref name="message"/>.</summary>
    ValueTask<int> IncrementThenThrowAsync(string message);

    /// <summary>Throws before returning a task at all.</summary>
    ValueTask ThrowSynchronouslyAsync(string message);

    ValueTask<FaultyReport> GetReportAsync();
}

public sealed record FaultyReport(int Count, int InstanceId);
