using System.Text;
using Sockit.Servers;
using Sockit.Testing.Http;

namespace Sockit.Cli.Tests.Commands;

/// <summary>get's body on a terminal (a binary one is held back, with one line on how to save it) and -i's interim heads.</summary>
public sealed class GetTerminalTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    // Runs sockit in-process with stdout marked as a terminal.
    private static async Task<(int ExitCode, byte[] Stdout, string Stderr)> RunOnTerminalAsync(params string[] args)
    {
        var stdout = new MemoryStream();
        var stderr = new MemoryStream();
        var console = new CliConsole(new MemoryStream(), stdout, stderr, outputIsTerminal: true);
        var exitCode = await SockitApp.RunAsync(args, console, Token);
        return (exitCode, stdout.ToArray(), Encoding.UTF8.GetString(stderr.ToArray()));
    }

    [Fact]
    public async Task Get_BinaryBodyOnATerminal_IsHeldBackWithOneLine()
    {
        await using var nginx = await NginxServer.StartAsync();
        var content = new byte[5000];
        new Random(3).NextBytes(content);
        content[10] = 0;
        await File.WriteAllBytesAsync(Path.Combine(nginx.Root, "blob.bin"), content, Token);
        var (exitCode, stdout, stderr) = await RunOnTerminalAsync("get", nginx.Url("/blob.bin").ToString());
        Assert.Equal(0, exitCode);
        Assert.Empty(stdout);
        Assert.Equal("sockit: binary body not printed on the terminal (5000 of 5000 bytes held back; save it with -o FILE, or print it anyway with -o -)\n", stderr);
    }

    [Fact]
    public async Task Get_BinaryBodyWithOutputDash_IsPrintedAnyway()
    {
        await using var nginx = await NginxServer.StartAsync();
        byte[] content = [0, 1, 2, 3];
        await File.WriteAllBytesAsync(Path.Combine(nginx.Root, "blob.bin"), content, Token);
        var (exitCode, stdout, stderr) = await RunOnTerminalAsync("get", "-o", "-", nginx.Url("/blob.bin").ToString());
        Assert.Equal(0, exitCode);
        Assert.Equal(content, stdout);
        Assert.Equal("", stderr);
    }

    [Fact]
    public async Task Get_TextBodyOnATerminal_IsPrinted()
    {
        await using var nginx = await NginxServer.StartAsync();
        await File.WriteAllTextAsync(Path.Combine(nginx.Root, "a.txt"), "plain text\n", Token);
        var (exitCode, stdout, stderr) = await RunOnTerminalAsync("get", nginx.Url("/a.txt").ToString());
        Assert.Equal(0, exitCode);
        Assert.Equal("plain text\n", Encoding.UTF8.GetString(stdout));
        Assert.Equal("", stderr);
    }

    [Fact]
    public async Task Get_BinaryBodyToAPipe_IsWritten()
    {
        await using var nginx = await NginxServer.StartAsync();
        byte[] content = [0, 0xFF, 0];
        await File.WriteAllBytesAsync(Path.Combine(nginx.Root, "blob.bin"), content, Token);
        var result = await Cli.RunAsync("get", nginx.Url("/blob.bin").ToString());
        Assert.Equal(content, result.StdoutBytes);
    }

    [Fact]
    public async Task Get_Include_ShowsInterimHeadsAsTheyArrived()
    {
        const string wire = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
        await using var server = ScriptedHttpServer.Start(ScriptedHttpServer.Split(Encoding.ASCII.GetBytes(wire), 25, 80));
        var result = await Cli.RunAsync("get", "-i", server.Url().ToString());
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(wire, result.Stdout);
    }

    [Fact]
    public async Task Get_WithoutInclude_InterimHeadsStayOffStdout()
    {
        await using var server = ScriptedHttpServer.Start("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"u8.ToArray());
        var result = await Cli.RunAsync("get", server.Url().ToString());
        Assert.Equal("ok", result.Stdout);
    }
}
