namespace Pricing.Runtime;

/// <summary>Names a grain type; the name is the first half of its <see cref="GrainId"/> and of its storage key.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
