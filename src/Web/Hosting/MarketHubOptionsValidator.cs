using Microsoft.Extensions.Options;

namespace Pricing.Web.Hosting;

/// <summary>Rejects a hub configuration that cannot work, at start-up (<c>ValidateOnStart</c>).</summary>
internal sealed class MarketHubOptionsValidator : IValidateOptions<MarketHubOptions>
{
    private static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(1);
    private static readonly TimeSpan MaxInterval = TimeSpan.FromMinutes(1);

    public ValidateOptionsResult Validate(string? name, MarketHubOptions options)
    {
        var failures = new List<string>();
        if (options.QuoteInterval < MinInterval || options.QuoteInterval > MaxInterval)
        {
            failures.Add($"{MarketHubOptions.SectionName}:QuoteInterval must be from {MinInterval} to {MaxInterval}; it is {options.QuoteInterval}.");
        }

        if (options.MaxSymbolsPerConnection < 1)
        {
            failures.Add($"{MarketHubOptions.SectionName}:MaxSymbolsPerConnection must be at least 1; it is {options.MaxSymbolsPerConnection}.");
        }

        if (options.MaxSymbolsPerCall < 1 || options.MaxSymbolsPerCall > options.MaxSymbolsPerConnection)
        {
            failures.Add($"{MarketHubOptions.SectionName}:MaxSymbolsPerCall must be from 1 to MaxSymbolsPerConnection ({options.MaxSymbolsPerConnection}); it is {options.MaxSymbolsPerCall}.");
        }

        // A symbol costs at most 19 bytes in the JSON array ("SYMBOL", quoted, comma); add room for the envelope.
        var needed = (options.MaxSymbolsPerCall * 19L) + 1024;
        if (options.MaximumReceiveMessageSize < needed)
        {
            failures.Add($"{MarketHubOptions.SectionName}:MaximumReceiveMessageSize must be at least {needed} bytes for MaxSymbolsPerCall {options.MaxSymbolsPerCall}; it is {options.MaximumReceiveMessageSize}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
