namespace Pricing.Runtime;

/// <summary>Marker for grain interfaces (Orleans: <c>Orleans.IGrain</c>).</summary>
public interface IGrain;

/// <summary>A grain addressed by a string key (Orleans: <c>IGrainWithStringKey</c>).</summary>
public interface IGrainWithStringKey : IGrain;
