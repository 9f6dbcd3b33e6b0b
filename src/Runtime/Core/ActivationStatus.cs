namespace Pricing.Runtime.Core;

internal enum ActivationStatus
{
    /// <summary>In the directory, not yet activated: the first turn activates it.</summary>
    Created,
    Valid,
    Deactivating,
    /// <summary>Deactivated and out of the directory; a caller that finds it retries with a new activation.</summary>
    Invalid,
}
