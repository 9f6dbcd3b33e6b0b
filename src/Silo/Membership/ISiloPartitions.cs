namespace Pricing.Silo.Membership;

/// <summary>The input partitions this silo owns, for its status.</summary>
public interface ISiloPartitions
{
    IReadOnlyList<int> Owned { get; }
}
