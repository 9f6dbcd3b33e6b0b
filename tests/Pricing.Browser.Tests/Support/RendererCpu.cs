using System.Globalization;

namespace Pricing.Browser.Tests.Support;

/// <summary>
/// CPU time used by the renderer processes of one Chromium (found by a marker switch on its
/// command line), from /proc. All renderer threads together bound the main thread's CPU time
/// from above, and unlike the wall-clock time of tasks it does not grow when other processes
/// take the CPU away: on a busy shared machine it is the steadier figure.
/// </summary>
internal static class RendererCpu
{
    // /proc/<pid>/stat counts in USER_HZ, 100 on Linux.
    private const double TicksPerSecond = 100;

    public static TimeSpan Total(string marker)
    {
        var processes = ReadProcesses();
        var browser = processes.FirstOrDefault(p => p.CommandLine.Contains(marker, StringComparison.Ordinal) && !p.CommandLine.Contains("--type=", StringComparison.Ordinal));
        if (browser is null)
        {
            throw new InvalidOperationException($"No Chromium with {marker} is running.");
        }

        var family = new HashSet<int> { browser.Id };
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var process in processes)
            {
                if (!family.Contains(process.Id) && family.Contains(process.ParentId))
                {
                    family.Add(process.Id);
                    grew = true;
                }
            }
        }

        var ticks = processes
            .Where(p => family.Contains(p.Id) && p.CommandLine.Contains("--type=renderer", StringComparison.Ordinal))
            .Sum(p => p.CpuTicks);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    private static List<ProcessInfo> ReadProcesses()
    {
        var list = new List<ProcessInfo>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var id))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var commandLine = File.ReadAllText(Path.Combine(directory, "cmdline"));
                // After "pid (name) ": state ppid ... utime (14th field) stime (15th).
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
                var cpu = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                list.Add(new ProcessInfo(id, parent, cpu, commandLine));
            }
            catch (IOException)
            {
                // Gone meanwhile.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours to read.
            }
        }

        return list;
    }

    private sealed record ProcessInfo(int Id, int ParentId, long CpuTicks, string CommandLine);
}
