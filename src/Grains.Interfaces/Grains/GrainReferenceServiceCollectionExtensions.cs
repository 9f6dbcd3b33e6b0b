using Microsoft.Extensions.DependencyInjection;
using Pricing.Runtime;

namespace Pricing.Grains;

/// <summary>Registers the references of the grain interfaces in this assembly (what Orleans' code generator would emit).</summary>
public static class GrainReferenceServiceCollectionExtensions
{
    public static IServiceCollection AddSymbolGrainReferences(this IServiceCollection services) =>
        services.AddGrainReference<ISymbolGrain>((invoker, id) => new SymbolGrainReference(invoker, id));
}
