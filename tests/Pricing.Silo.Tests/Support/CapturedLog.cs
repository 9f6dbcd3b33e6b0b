using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Pricing.Silo.Tests.Support;

/// <summary>One log entry of a silo under test.</summary>
public sealed record LogEntry(DateTimeOffset At, LogLevel Level, string Category, EventId EventId, string Message, Exception? Exception)
{
    public override string ToString() =>
        $"{At:HH:mm:ss.fff} {Level} {Category}: {Message}{(Exception is null ? string.Empty : $" -- {Exception.GetType().Name}: {Exception.Message}")}";
}

/// <summary>
/// A logger provider that keeps every entry of one host, so a test can assert on the whole run
/// (no Error-level entry from start to stop, for instance).
/// </summary>
public sealed class CapturedLog : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public IReadOnlyList<LogEntry> AtLeast(LogLevel level) => [.. _entries.Where(e => e.Level >= level)];

    /// <summary>Entries at <paramref name="level"/> or above, one per line, for assertion messages.</summary>
    public string Describe(LogLevel level) => string.Join(Environment.NewLine, AtLeast(level));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            log._entries.Enqueue(new LogEntry(DateTimeOffset.UtcNow, logLevel, category, eventId, formatter(state, exception), exception));
    }
}
