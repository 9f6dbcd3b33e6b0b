using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Pricing.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
