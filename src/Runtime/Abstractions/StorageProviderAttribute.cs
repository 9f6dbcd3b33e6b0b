namespace Pricing.Runtime;

/// <summary>
/// Names the <see cref="IGrainStorage"/> a <see cref="Grain{TState}"/> uses (a keyed service);
/// without it the grain uses <see cref="StorageProviderAttribute.DefaultProviderName"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class StorageProviderAttribute : Attribute
{
    public const string DefaultProviderName = "Default";

    public string ProviderName { get; set; } = DefaultProviderName;
}
