namespace Pricing.Runtime.Tests.Grains;

/// <summary>A grain with state whose storage provider is not registered.</summary>
public interface IOrphanGrain : IGrainWithStringKey
{
    ValueTask PingAsync();
}
