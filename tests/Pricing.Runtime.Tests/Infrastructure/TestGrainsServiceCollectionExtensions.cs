namespace Pricing.Runtime.Tests.Infrastructure;

internal static class TestGrainsServiceCollectionExtensions
{
    /// <summary>
    /// The test grains, their references, a probe they report to, and their storage: the
    /// memory storage as "Default", and a counting wrapper over it as "Counting".
    /// </summary>
    public static IServiceCollection AddTestGrains(this IServiceCollection services)
    {
        services.AddSingleton<GrainProbe>();
        services.AddMemoryGrainStorage();
        services.AddKeyedSingleton(CountingGrainStorage.Name, static (sp, _) =>
            new CountingGrainStorage(sp.GetRequiredKeyedService<IGrainStorage>(StorageProviderAttribute.DefaultProviderName)));
        services.AddKeyedSingleton<IGrainStorage>(CountingGrainStorage.Name, static (sp, key) =>
            sp.GetRequiredKeyedService<CountingGrainStorage>(key));

        services.AddGrain<ICounterGrain, CounterGrain>();
        services.AddGrainReference<ICounterGrain>(static (invoker, id) => new CounterGrainReference(invoker, id));
        services.AddGrain<ITurnGrain, TurnGrain>();
        services.AddGrainReference<ITurnGrain>(static (invoker, id) => new TurnGrainReference(invoker, id));
        services.AddGrain<IFaultyGrain, FaultyGrain>();
        services.AddGrainReference<IFaultyGrain>(static (invoker, id) => new FaultyGrainReference(invoker, id));
        services.AddGrain<ITimerGrain, TimerGrain>();
        services.AddGrainReference<ITimerGrain>(static (invoker, id) => new TimerGrainReference(invoker, id));
        services.AddGrain<IPatientGrain, PatientGrain>();
        services.AddGrainReference<IPatientGrain>(static (invoker, id) => new PatientGrainReference(invoker, id));
        services.AddGrain<IOrphanGrain, OrphanGrain>();
        services.AddGrainReference<IOrphanGrain>(static (invoker, id) => new OrphanGrainReference(invoker, id));
        return services;
    }
}
