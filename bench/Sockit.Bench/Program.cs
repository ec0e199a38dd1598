using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Sockit.Bench -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Sockit.Bench.HttpReaderBenchmarks).Assembly).Run(args);
