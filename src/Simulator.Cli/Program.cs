using System.CommandLine;
using Pricing.Simulator.Cli;

var configuration = new InvocationConfiguration
{
    // On Ctrl+C or SIGTERM the produce loop stops, flushes and reports; give it time to.
    ProcessTerminationTimeout = TimeSpan.FromSeconds(30),
};
return await CliApp.CreateRootCommand().Parse(args).InvokeAsync(configuration);
