using Pricing.IngestBench;

// Measurement commands for bench/ingest.sh (see docs/benchmarks.md):
//   bare    --bootstrap B --topic T --count N [--setting k=v ...]   a consumer loop that only counts
//   drain   --connection C --count N                              waits until the silo has written N trades
//   latency --url U --seconds S [--warmup S]                       produce-to-client delay of every quote
var arguments = Arguments.Parse(args);
return arguments.Command switch
{
    "bare" => await BareConsumerLoop.RunAsync(arguments),
    "drain" => await DrainTimer.RunAsync(arguments),
    "latency" => await QuoteLatency.RunAsync(arguments),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: pricing-ingest-bench bare|drain|latency --option value ...");
    return 2;
}
