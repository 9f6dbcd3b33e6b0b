using System.ComponentModel;
using System.Runtime.InteropServices;

namespace Pricing.Integration.Tests.Support;

/// <summary>POSIX signals for the silo processes: .NET can kill a process but not stop, continue or politely terminate it.</summary>
internal static class NativeMethods
{
    // Linux numbering (x86-64 and arm64).
    public const int SigKill = 9;
    public const int SigTerm = 15;
    public const int SigCont = 18;
    public const int SigStop = 19;

    public static void Signal(int pid, int signal)
    {
        if (kill(pid, signal) != 0)
        {
            throw new Win32Exception(Marshal.GetLastPInvokeError(), $"kill({pid}, {signal}) failed");
        }
    }

    [DllImport("libc", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code enabled for one blittable call.
    private static extern int kill(int pid, int sig);
#pragma warning restore SYSLIB1054
}
