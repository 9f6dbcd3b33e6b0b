using System.CommandLine;
using Pricing.Simulator.Cli.Commands;

namespace Pricing.Simulator.Cli;

/// <summary>
/// The <c>pricing-sim</c> command line. Tests and other tools run it in-process with
/// <c>CliApp.CreateRootCommand().Parse(args).InvokeAsync(configuration, cancellationToken)</c>.
/// </summary>
public static class CliApp
{
    /// <summary>The root command with its subcommands.</summary>
    public static RootCommand CreateRootCommand() => new("pricing-sim: market simulator for the Pricing service.")
    {
        new ProduceCommand(),
    };
}
