namespace Pricing.Runtime;

/// <summary>Identity of a grain: its type name and string key (Orleans: <c>GrainId</c>).</summary>
public readonly record struct GrainId(string Type, string Key)
{
    public override string ToString() => $"{Type}/{Key}";
}
