namespace Pricing.Runtime.Core;

/// <summary>
/// Maps grain interfaces to their implementation and to the reference (proxy) that callers
/// hold. Orleans generates references at build time; here each grain interface registers a
/// small hand-written one, see <see cref="GrainReference"/>.
/// </summary>
internal sealed class GrainTypeRegistry
{
    private readonly Dictionary<Type, GrainTypeInfo> _byInterface = [];
    private readonly Dictionary<string, GrainTypeInfo> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, Func<IGrainCallInvoker, GrainId, object>> _referenceFactories = [];

    public void AddImplementation(Type grainInterface, Type grainClass)
    {
        var info = new GrainTypeInfo(grainClass);
        if (_byName.TryGetValue(info.Name, out var existing) && existing.GrainClass != grainClass)
        {
            throw new InvalidOperationException($"Grain type name '{info.Name}' is used by both {existing.GrainClass.Name} and {grainClass.Name}.");
        }

        _byInterface[grainInterface] = info;
        _byName[info.Name] = info;
    }

    public void AddReference(Type grainInterface, Func<IGrainCallInvoker, GrainId, object> factory) =>
        _referenceFactories[grainInterface] = factory;

    public GrainTypeInfo GetByInterface(Type grainInterface) =>
        _byInterface.TryGetValue(grainInterface, out var info)
            ? info
            : throw new InvalidOperationException($"No grain class implements {grainInterface.Name}; register one with AddGrain<{grainInterface.Name}, TGrain>().");

    public GrainTypeInfo GetByName(string name) =>
        _byName.TryGetValue(name, out var info)
            ? info
            : throw new InvalidOperationException($"Unknown grain type '{name}'.");

    public Func<IGrainCallInvoker, GrainId, object> GetReferenceFactory(Type grainInterface) =>
        _referenceFactories.TryGetValue(grainInterface, out var factory)
            ? factory
            : throw new InvalidOperationException($"No grain reference is registered for {grainInterface.Name}; register one with AddGrainReference.");
}
