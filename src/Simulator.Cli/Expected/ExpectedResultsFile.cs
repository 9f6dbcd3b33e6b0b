using System.Text.Json;

namespace Pricing.Simulator.Cli.Expected;

/// <summary>Reads and writes the expected-results file (JSON, camelCase, decimals exact).</summary>
public static class ExpectedResultsFile
{
    /// <summary>
    /// Writes <paramref name="results"/> to <paramref name="path"/>. The file is written beside
    /// the target and renamed over it, so a reader never sees half a file.
    /// </summary>
    public static async Task WriteAsync(string path, ExpectedResults results, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(results);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".tmp";
        await using (var stream = File.Create(temporary))
        {
            await WriteAsync(stream, results, cancellationToken);
        }

        File.Move(temporary, full, overwrite: true);
    }

    /// <summary>Writes <paramref name="results"/> as JSON to <paramref name="stream"/>.</summary>
    public static Task WriteAsync(Stream stream, ExpectedResults results, CancellationToken cancellationToken = default) =>
        JsonSerializer.SerializeAsync(stream, results, ExpectedResultsJsonContext.Default.ExpectedResults, cancellationToken);

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <exception cref="JsonException">The file is not an expected-results file (a required field is missing, say).</exception>
    public static async Task<ExpectedResults> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var stream = File.OpenRead(path);
        return await ReadAsync(stream, cancellationToken);
    }

    /// <summary>Reads an expected-results document from <paramref name="stream"/>.</summary>
    /// <exception cref="JsonException">The document is not an expected-results file.</exception>
    public static async Task<ExpectedResults> ReadAsync(Stream stream, CancellationToken cancellationToken = default) =>
        await JsonSerializer.DeserializeAsync(stream, ExpectedResultsJsonContext.Default.ExpectedResults, cancellationToken)
        ?? throw new JsonException("The expected-results document is null.");

    /// <summary>The JSON text of <paramref name="results"/>, as <see cref="WriteAsync(Stream, ExpectedResults, CancellationToken)"/> writes it.</summary>
    public static string Serialize(ExpectedResults results) =>
        JsonSerializer.Serialize(results, ExpectedResultsJsonContext.Default.ExpectedResults);
}
