namespace Pricing.Grains;

/// <summary>The cluster as the API's cluster page sees it.</summary>
public interface IClusterView
{
    ValueTask<ClusterStatus> GetStatusAsync(CancellationToken cancellationToken);
}
