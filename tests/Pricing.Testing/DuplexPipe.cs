using System.IO.Pipelines;

namespace Pricing.Testing;

internal sealed record DuplexPipe(PipeReader Input, PipeWriter Output) : IDuplexPipe;
