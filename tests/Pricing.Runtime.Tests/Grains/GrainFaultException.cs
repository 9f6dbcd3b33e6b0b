namespace Pricing.Runtime.Tests.Grains;

/// <summary>Thrown on purpose by test grains; its own type so a test can tell it from a runtime error.</summary>
public sealed class GrainFaultException : Exception
{
    public GrainFaultException()
    {
    }

    public GrainFaultException(string message) : base(message)
    {
    }

    public GrainFaultException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
