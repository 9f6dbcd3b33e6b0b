using System.Reflection;
using System.Runtime.InteropServices;
using Confluent.Kafka;

namespace Pricing.Kafka;

/// <summary>
/// Loads the native librdkafka that Confluent.Kafka needs. The NuGet copy has no
/// librdkafka.redist, so the library comes from Debian: <c>librdkafka.so</c> (only the -dev
/// package has that name) or <c>librdkafka.so.1</c> (the runtime package).
/// </summary>
// Shared by the silo and the simulator CLI as a linked source file: too small for a project of its own.
internal static class LibrdkafkaLoader
{
    private const string LibraryName = "librdkafka";
    private const string RuntimeSoName = "librdkafka.so.1";
    private static readonly Lock Gate = new();
    private static bool s_resolverSet;

    /// <summary>The error shown when neither name loads.</summary>
    public const string MissingLibraryMessage =
        "librdkafka could not be loaded (tried librdkafka.so and librdkafka.so.1). Install it with: apt-get install -y librdkafka-dev";

    /// <summary>Loads librdkafka once; later calls return at once.</summary>
    /// <exception cref="InvalidOperationException">Neither name loads; the message says what to install.</exception>
    public static void EnsureLoaded()
    {
        lock (Gate)
        {
            if (Library.IsLoaded)
                return;

            // Confluent.Kafka 1.9.3's Library.Load(path) dlopens through "libdl", which glibc 2.34+
            // (Debian 12) no longer ships as libdl.so, so an explicit path always fails here. Its
            // default Load() P/Invokes "librdkafka" instead; a resolver lets that name fall back to
            // the runtime package's soname when the -dev symlink is missing.
            if (!s_resolverSet)
            {
                NativeLibrary.SetDllImportResolver(typeof(Library).Assembly, Resolve);
                s_resolverSet = true;
            }

            try
            {
                Library.Load();
            }
            catch (DllNotFoundException e)
            {
                throw new InvalidOperationException(MissingLibraryMessage, e);
            }
        }
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != LibraryName)
            return IntPtr.Zero;

        if (NativeLibrary.TryLoad(name, assembly, searchPath, out var handle) || NativeLibrary.TryLoad(RuntimeSoName, out handle))
            return handle;

        return IntPtr.Zero;
    }
}
