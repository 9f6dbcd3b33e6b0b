using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Pricing.Runtime.Tests.Infrastructure;

/// <summary>Keeps what the runtime logs, so tests can check that a failure was reported.</summary>
internal sealed class LogCollector : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCollector owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner._entries.Enqueue(new LogEntry(logLevel, category, formatter(state, exception), exception));
            }
        }
    }
}

internal sealed record LogEntry(LogLevel Level, string Category, string Message, Exception? Exception);
