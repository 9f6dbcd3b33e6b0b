using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pricing.Runtime.Core;
using Pricing.Runtime.Hosting;

namespace Pricing.Runtime;

/// <summary>Registration of the grain runtime, grain classes, grain references and storage.</summary>
public static class GrainRuntimeServiceCollectionExtensions
{
    /// <summary>Adds the virtual-actor runtime (Orleans: <c>UseOrleans</c>), with options from <c>Pricing:Runtime</c>.</summary>
    public static IServiceCollection AddGrainRuntime(this IServiceCollection services)
    {
        services.AddOptions<GrainRuntimeOptions>()
            .BindConfiguration(GrainRuntimeOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(RegistryOf(services));
        services.TryAddSingleton<RuntimeMetrics>();
        services.TryAddSingleton(sp =>
        {
            var runtime = ActivatorUtilities.CreateInstance<GrainRuntime>(sp);
            sp.GetRequiredService<RuntimeMetrics>().Attach(runtime);
            return runtime;
        });
        services.TryAddSingleton<IGrainFactory>(sp => sp.GetRequiredService<GrainRuntime>());
        services.TryAddSingleton<IGrainCallInvoker>(sp => sp.GetRequiredService<GrainRuntime>());
        services.TryAddSingleton<IGrainManagement>(sp => sp.GetRequiredService<GrainRuntime>());
        services.TryAddSingleton(typeof(IGrainStateCodec<>), typeof(JsonGrainStateCodec<>));
        services.AddHostedService<GrainRuntimeHostedService>();
        return services;
    }

    /// <summary>Registers the class that implements a grain interface in this silo.</summary>
    public static IServiceCollection AddGrain<TGrainInterface, TGrain>(this IServiceCollection services)
        where TGrainInterface : IGrain
        where TGrain : Grain, TGrainInterface
    {
        RegistryOf(services).AddImplementation(typeof(TGrainInterface), typeof(TGrain));
        return services;
    }

    /// <summary>Registers the reference type callers get for a grain interface (what Orleans' code generator provides).</summary>
    public static IServiceCollection AddGrainReference<TGrainInterface>(this IServiceCollection services, Func<IGrainCallInvoker, GrainId, TGrainInterface> factory)
        where TGrainInterface : class, IGrain
    {
        RegistryOf(services).AddReference(typeof(TGrainInterface), (invoker, id) => factory(invoker, id));
        return services;
    }

    /// <summary>Adds in-memory grain storage under <paramref name="name"/> (Orleans: <c>AddMemoryGrainStorage</c>).</summary>
    public static IServiceCollection AddMemoryGrainStorage(this IServiceCollection services, string name = StorageProviderAttribute.DefaultProviderName)
    {
        services.AddKeyedSingleton<IGrainStorage>(name, (sp, _) => ActivatorUtilities.CreateInstance<MemoryGrainStorage>(sp));
        return services;
    }

    // The registry is filled while services are being registered, before the container exists,
    // so it lives as an instance in the collection itself.
    private static GrainTypeRegistry RegistryOf(IServiceCollection services)
    {
        var descriptor = services.FirstOrDefault(d => d.ServiceType == typeof(GrainTypeRegistry) && d.ImplementationInstance is not null);
        if (descriptor?.ImplementationInstance is GrainTypeRegistry existing)
        {
            return existing;
        }

        var registry = new GrainTypeRegistry();
        services.AddSingleton(registry);
        return registry;
    }
}
