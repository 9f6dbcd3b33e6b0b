using System.ComponentModel.DataAnnotations;

namespace Pricing.Silo.Postgres;

/// <summary>PostgreSQL settings, bound from <c>Pricing:Postgres</c>.</summary>
public sealed class PostgresOptions
{
    public const string SectionName = "Pricing:Postgres";

    /// <summary>Npgsql connection string, e.g. <c>Host=127.0.0.1;Port=15432;Username=pricing;Password=...;Database=pricing</c>.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Pricing:Postgres:ConnectionString is required in cluster mode.")]
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>State writes arriving within this window go into one transaction (group commit).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:01")]
    public TimeSpan WriteBatchWindow { get; set; } = TimeSpan.FromMilliseconds(2);

    /// <summary>At most this many grain writes per transaction.</summary>
    [Range(1, 100_000)]
    public int MaxWritesPerTransaction { get; set; } = 2_000;

    /// <summary>
    /// A claim that waits this long on another session's lock ends that session: it is a previous
    /// owner's write that does not finish (a frozen process keeps its transaction open).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:01:00")]
    public TimeSpan StaleWriterTimeout { get; set; } = TimeSpan.FromSeconds(3);
}
