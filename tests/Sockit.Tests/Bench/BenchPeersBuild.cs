using Sockit.Testing;

namespace Sockit.Tests.Bench;

/// <summary>
/// bench/peers/echo-epoll.c and loadgen.c compiled once for a test class, with the warning flags bench/compare-echo.sh
/// uses (cc, else clang), into a temporary directory removed afterwards.
/// </summary>
public sealed class BenchPeersBuild : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sockit-bench-peers.").FullName;

    public string EchoServer => Path.Combine(_directory, "echo-epoll");

    public string LoadGenerator => Path.Combine(_directory, "loadgen");

    /// <summary>bench/peers/echo-asyncio.py, the python3 echo server (and, with --flip-every N, a corrupting one).</summary>
    public string PythonEchoServer { get; } = Path.Combine(RepositoryRoot(), "bench", "peers", "echo-asyncio.py");

    public async ValueTask InitializeAsync()
    {
        var compiler = Peers.Find("cc") ?? Peers.Require("clang");
        var sources = Path.Combine(RepositoryRoot(), "bench", "peers");
        foreach (var (source, output) in new[] { ("echo-epoll.c", EchoServer), ("loadgen.c", LoadGenerator) })
        {
            var result = await ProcessRunner.RunAsync(compiler,
                ["-O2", "-Wall", "-Wextra", "-Werror", "-o", output, Path.Combine(sources, source)], timeout: TimeSpan.FromSeconds(120));
            Assert.True(result.ExitCode == 0, $"{compiler} {source} failed ({result.ExitCode}): {result.Stderr}");
        }
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "sockit.slnx")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"no sockit.slnx above {AppContext.BaseDirectory}");
    }
}
