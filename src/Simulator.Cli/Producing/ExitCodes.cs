namespace Pricing.Simulator.Cli.Producing;

/// <summary>Process exit codes of <c>pricing-sim</c>.</summary>
public static class ExitCodes
{
    /// <summary>Every message was produced and delivered.</summary>
    public const int Success = 0;

    /// <summary>A message was not delivered, or Kafka or the options failed.</summary>
    public const int Failure = 1;

    /// <summary>Stopped by SIGINT/SIGTERM; what was produced was flushed and reported (128 + SIGINT, by convention).</summary>
    public const int Interrupted = 130;
}
