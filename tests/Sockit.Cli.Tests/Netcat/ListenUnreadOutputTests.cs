using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Sockit.Testing;

namespace Sockit.Cli.Tests.Netcat;

/// <summary>
/// An echo server whose stdout and stderr are pipes nobody reads keeps echoing: what it prints (hex dumps, JSON data
/// events, connection lines) fills the pipes and is then dropped, never waited for. Every byte each client sends must
/// come back (compared by SHA-256 against what it sent); once the pipes are read again, the server says how much it did
/// not show.
/// </summary>
public sealed class ListenUnreadOutputTests
{
    [Theory]
    // JSON: every chunk both ways is a base64 event on stdout (64 MiB through 4 clients: far more than a pipe holds).
    [InlineData(new[] { "--format", "json", "-vv" }, 4, 16 << 20, "stdout", "\"event\":\"dropped\"")]
    // --hex: both directions dumped on stderr, about 4.5 times the bytes.
    [InlineData(new[] { "--hex", "-vv" }, 2, 4 << 20, "stderr", "bytes not shown (the reader was slow)")]
    public async Task ListenKeepOpenEcho_OutputNeverRead_EveryByteStillEchoed(string[] flags, int clients, int bytesEach, string noticeStream, string notice)
    {
        var ct = TestContext.Current.CancellationToken;
        using var listen = ProcessRunner.Start(Cli.DotnetPath, ["exec", Cli.ProgramPath, "listen", "-k", "--echo", "0", .. flags]);
        try
        {
            // Only the first line is read (the port); from then on neither pipe is read until the echoes are checked.
            var first = await listen.StandardError.ReadLineAsync(ct).AsTask().WaitAsync(TimeSpan.FromSeconds(30), ct);
            Assert.NotNull(first);
            var port = int.Parse(first[(first.IndexOf("127.0.0.1:", StringComparison.Ordinal) + 10)..].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);

            var results = await Task.WhenAll(Enumerable.Range(0, clients).Select(i => Task.Run(() => EchoAsync(port, bytesEach, seed: i, ct), ct)))
                .WaitAsync(TimeSpan.FromSeconds(120), ct);
            Assert.All(results, r => Assert.True(r.Sent.AsSpan().SequenceEqual(r.Received), $"{r.Count} bytes sent, {r.ReceivedCount} echoed, and the SHA-256 differ"));
            Assert.False(listen.HasExited, "the server exited");

            // Read again: the server catches up and says how much it dropped.
            var reader = noticeStream == "stdout" ? listen.StandardOutput : listen.StandardError;
            var other = noticeStream == "stdout" ? listen.StandardError : listen.StandardOutput;
            _ = other.BaseStream.CopyToAsync(Stream.Null, ct);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
            deadline.CancelAfter(TimeSpan.FromSeconds(60));
            string? line;
            do
            {
                line = await reader.ReadLineAsync(deadline.Token);
            }
            while (line is not null && !line.Contains(notice, StringComparison.Ordinal));
            Assert.NotNull(line);
        }
        finally
        {
            listen.Kill(entireProcessTree: true);
            await listen.WaitForExitAsync(CancellationToken.None);
        }
    }

    private sealed record EchoResult(long Count, long ReceivedCount, byte[] Sent, byte[] Received);

    // Sends bytesEach random bytes while reading the echo back; hashes both ways.
    private static async Task<EchoResult> EchoAsync(int port, int bytesEach, int seed, CancellationToken ct)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, port, ct);
        var data = new byte[bytesEach];
        new Random(seed).NextBytes(data);
        var receive = Task.Run(async () =>
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[64 * 1024];
            long got = 0;
            while (got < bytesEach)
            {
                var n = await socket.ReceiveAsync(buffer, ct);
                if (n == 0)
                {
                    break;
                }
                hash.AppendData(buffer, 0, n);
                got += n;
            }
            return (got, hash.GetHashAndReset());
        }, ct);
        for (var offset = 0; offset < data.Length; offset += 16 * 1024)
        {
            await socket.SendAsync(data.AsMemory(offset, Math.Min(16 * 1024, data.Length - offset)), ct);
        }
        var (receivedCount, receivedHash) = await receive;
        socket.Shutdown(SocketShutdown.Send);
        return new EchoResult(data.Length, receivedCount, SHA256.HashData(data), receivedHash);
    }
}
