using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Pricing.Runtime.Core;

/// <summary>A registered grain class: its type name and how to construct it (constructor injection).</summary>
internal sealed class GrainTypeInfo
{
    private readonly ObjectFactory _factory;

    public GrainTypeInfo(Type grainClass)
    {
        if (!typeof(Grain).IsAssignableFrom(grainClass))
        {
            throw new ArgumentException($"{grainClass.Name} must derive from {nameof(Grain)}.", nameof(grainClass));
        }

        GrainClass = grainClass;
        Name = NameOf(grainClass);
        _factory = ActivatorUtilities.CreateFactory(grainClass, Type.EmptyTypes);
    }

    public string Name { get; }

    public Type GrainClass { get; }

    public Grain Create(IServiceProvider services) => (Grain)_factory(services, null);

    /// <summary>The <see cref="GrainTypeAttribute"/> name, or the class name without a "Grain" suffix, lower-cased.</summary>
    public static string NameOf(Type grainClass)
    {
        var attribute = grainClass.GetCustomAttribute<GrainTypeAttribute>();
        if (attribute is not null)
        {
            return attribute.Name;
        }

        var name = grainClass.Name;
        if (name.EndsWith("Grain", StringComparison.Ordinal) && name.Length > "Grain".Length)
        {
            name = name[..^"Grain".Length];
        }

        return name.ToLowerInvariant();
    }
}
