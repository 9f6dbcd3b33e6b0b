namespace Pricing.Runtime.Tests.Infrastructure;

internal static class GrainExtensions
{
    /// <summary>The id of the grain a reference points to.</summary>
    public static GrainId Id(this IGrain grain) => ((GrainReference)grain).GrainId;
}
