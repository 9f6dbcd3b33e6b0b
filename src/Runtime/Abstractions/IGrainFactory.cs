namespace Pricing.Runtime;

/// <summary>Gets references to grains; the grain is activated on first call, not here (Orleans: <c>IGrainFactory</c>).</summary>
public interface IGrainFactory
{
    TGrainInterface GetGrain<TGrainInterface>(string key) where TGrainInterface : IGrainWithStringKey;
}
