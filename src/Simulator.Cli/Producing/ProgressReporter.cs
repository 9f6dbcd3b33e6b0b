using System.Globalization;

namespace Pricing.Simulator.Cli.Producing;

/// <summary>Writes one progress line a second to stderr: counts so far and the delivery rate of the last second.</summary>
internal sealed class ProgressReporter : IDisposable
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);
    private readonly Func<(long Produced, long Delivered, long Failed)> _read;
    private readonly TextWriter _error;
    private readonly TimeProvider _timeProvider;
    private readonly long _started;
    private readonly ITimer _timer;
    private long _lastDelivered;
    private long _lastTimestamp;

    public ProgressReporter(Func<(long Produced, long Delivered, long Failed)> read, TextWriter error, TimeProvider timeProvider)
    {
        _read = read;
        _error = error;
        _timeProvider = timeProvider;
        _started = _lastTimestamp = timeProvider.GetTimestamp();
        _timer = timeProvider.CreateTimer(_ => Report(), null, Period, Period);
    }

    public void Dispose() => _timer.Dispose();

    private void Report()
    {
        var now = _timeProvider.GetTimestamp();
        var (produced, delivered, failed) = _read();
        var seconds = _timeProvider.GetElapsedTime(_lastTimestamp, now).TotalSeconds;
        var rate = seconds > 0 ? (delivered - _lastDelivered) / seconds : 0;
        _lastDelivered = delivered;
        _lastTimestamp = now;
        _error.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"pricing-sim: {_timeProvider.GetElapsedTime(_started, now).TotalSeconds:0}s produced {produced:N0} delivered {delivered:N0} failed {failed:N0} ({rate:N0} msg/s)"));
    }
}
