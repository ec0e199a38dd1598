using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Win32.SafeHandles;
using Sockit.Connections;
using Sockit.Http;
using Sockit.Servers;
using Sockit.Testing;
using Sockit.Testing.Http;

namespace Sockit.Tests.Http;

/// <summary>HttpWireClient against real servers on loopback: nginx, python3's http.server, and a scripted raw server.</summary>
public sealed class HttpWireClientTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<(HttpWireResponse Response, byte[] Body)> GetAsync(Uri url, string method = "GET", IReadOnlyList<HttpHeaderField>? headers = null, Version? version = null, HttpWireObserver? observer = null, TimeSpan? timeout = null)
    {
        var body = new MemoryStream();
        var request = new HttpWireRequest(url, method) { Headers = headers ?? [], Version = version ?? new Version(1, 1) };
        var client = new HttpWireClient(new HttpWireClientOptions { Timeout = timeout ?? TimeSpan.FromSeconds(15) });
        var response = await client.SendAsync(request, body, observer, Token);
        return (response, body.ToArray());
    }

    [Fact]
    public async Task SendAsync_NginxStaticFile_ReadsItByContentLength()
    {
        await using var nginx = await NginxServer.StartAsync();
        await File.WriteAllTextAsync(Path.Combine(nginx.Root, "index.html"), "<h1>cute cats</h1>\n", Token);
        var (response, body) = await GetAsync(nginx.Url("/index.html"));
        Assert.Equal(200, response.Head.StatusCode);
        Assert.Equal(HttpBodyFraming.ContentLength, response.Framing);
        Assert.Equal("<h1>cute cats</h1>\n", Encoding.UTF8.GetString(body));
        Assert.Equal("text/html", response.Head.GetValue("Content-Type"));
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, nginx.Port), response.RemoteEndPoint);
    }

    [Fact]
    public async Task SendAsync_NginxLargeFile_ReadsEveryByte()
    {
        await using var nginx = await NginxServer.StartAsync();
        var content = new byte[24 * 1024 * 1024 + 17];
        new Random(42).NextBytes(content);
        await File.WriteAllBytesAsync(Path.Combine(nginx.Root, "big.bin"), content, Token);
        var progress = new ProgressCounter();
        var (response, body) = await GetAsync(nginx.Url("/big.bin"), observer: progress);
        Assert.Equal(content.Length, response.BodyLength);
        Assert.Equal(SHA256.HashData(content), SHA256.HashData(body));
        Assert.Equal(content.Length, progress.Last);
        Assert.True(progress.Calls > 1);
    }

    [Fact]
    public async Task SendAsync_NginxHead_EndsAtTheHeadersWithContentLengthShown()
    {
        await using var nginx = await NginxServer.StartAsync();
        await File.WriteAllTextAsync(Path.Combine(nginx.Root, "a.txt"), new string('a', 5000), Token);
        var (response, body) = await GetAsync(nginx.Url("/a.txt"), "HEAD");
        Assert.Equal(200, response.Head.StatusCode);
        Assert.Equal(HttpBodyFraming.None, response.Framing);
        Assert.Empty(body);
        Assert.Equal("5000", response.Head.GetValue("Content-Length"));
    }

    [Fact]
    public async Task SendAsync_NginxIfModifiedSince_304EndsAtTheHeaders()
    {
        await using var nginx = await NginxServer.StartAsync();
        await File.WriteAllTextAsync(Path.Combine(nginx.Root, "a.txt"), "cached", Token);
        var (first, _) = await GetAsync(nginx.Url("/a.txt"));
        var lastModified = first.Head.GetValue("Last-Modified")!;
        var (response, body) = await GetAsync(nginx.Url("/a.txt"), headers: [new("If-Modified-Since", lastModified)]);
        Assert.Equal(304, response.Head.StatusCode);
        Assert.Equal(HttpBodyFraming.None, response.Framing);
        Assert.Empty(body);
    }

    [Fact]
    public async Task SendAsync_NginxSsiPage_IsChunkedForHttp11AndUntilCloseForHttp10()
    {
        await using var nginx = await NginxServer.StartAsync();
        var text = string.Concat(Enumerable.Range(0, 2000).Select(i => $"line {i}\n"));
        await File.WriteAllTextAsync(Path.Combine(nginx.Root, "page.shtml"), "<!--# set var=\"who\" value=\"cats\" -->start <!--# echo var=\"who\" --> " + text, Token);
        var expected = "start cats " + text;

        var (chunked, chunkedBody) = await GetAsync(nginx.Url("/page.shtml"));
        Assert.Equal(HttpBodyFraming.Chunked, chunked.Framing);
        Assert.Equal("chunked", chunked.Head.GetValue("Transfer-Encoding"));
        Assert.Equal(expected, Encoding.UTF8.GetString(chunkedBody));

        var (closed, closedBody) = await GetAsync(nginx.Url("/page.shtml"), version: new Version(1, 0));
        Assert.Equal(HttpBodyFraming.UntilClose, closed.Framing);
        Assert.Equal(expected, Encoding.UTF8.GetString(closedBody));
    }

    [Fact]
    public async Task SendAsync_NginxMissingFile_Returns404WithItsBody()
    {
        await using var nginx = await NginxServer.StartAsync();
        var (response, body) = await GetAsync(nginx.Url("/nope"));
        Assert.Equal(404, response.Head.StatusCode);
        Assert.Contains("404 Not Found", Encoding.UTF8.GetString(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_PythonHttpServer_ReadsHttp10Response()
    {
        await using var python = await PythonHttpServer.StartAsync();
        await File.WriteAllTextAsync(Path.Combine(python.Root, "hello.txt"), "Yes, I can hear you.", Token);
        var (response, body) = await GetAsync(python.Url("/hello.txt"));
        Assert.Equal(new Version(1, 0), response.Head.Version);
        Assert.Equal(200, response.Head.StatusCode);
        Assert.Equal("Yes, I can hear you.", Encoding.UTF8.GetString(body));

        var (listing, listingBody) = await GetAsync(python.Url("/"));
        Assert.Equal(200, listing.Head.StatusCode);
        Assert.Contains("hello.txt", Encoding.UTF8.GetString(listingBody), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_Request_HasHostUserAgentConnectionCloseAndExtraHeaders()
    {
        await using var server = ScriptedHttpServer.Start("HTTP/1.1 204 No Content\r\n\r\n"u8.ToArray());
        await GetAsync(server.Url("/a?b=c"), headers: [new("X-Test", "1"), new("User-Agent", "mine")]);
        var request = Encoding.ASCII.GetString(Assert.Single(server.Requests));
        Assert.Equal($"GET /a?b=c HTTP/1.1\r\nHost: 127.0.0.1:{server.Port}\r\nUser-Agent: mine\r\nAccept: */*\r\nConnection: close\r\nX-Test: 1\r\n\r\n", request);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(64)]
    public async Task SendAsync_ScriptedEdgeCasesInSegments_ReadThrough(int segmentSize)
    {
        var wire = Encoding.ASCII.GetBytes(
            "HTTP/1.1 100 Continue\r\n\r\n" +
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" +
            "4;ext=1\r\nWiki\r\n5\r\npedia\r\n0\r\nX-Trailer: yes\r\n\r\n");
        var segments = wire.Chunk(segmentSize).ToList();
        await using var server = ScriptedHttpServer.Start(segments, TimeSpan.FromMilliseconds(segmentSize < 4 ? 0.2 : 1));
        var (response, body) = await GetAsync(server.Url());
        Assert.Equal("Wikipedia", Encoding.ASCII.GetString(body));
        Assert.Equal([new HttpHeaderField("X-Trailer", "yes")], response.Trailers);
        Assert.Equal(100, Assert.Single(response.InterimHeads).StatusCode);
        Assert.Equal(wire.Length, response.WireBytesReceived);
    }

    [Fact]
    public async Task SendAsync_BodyCutShort_ThrowsTruncatedWithCounts()
    {
        await using var server = ScriptedHttpServer.Start(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n" + new string('x', 1200)));
        var e = await Assert.ThrowsAsync<HttpWireProtocolException>(() => GetAsync(server.Url()));
        Assert.Equal(SockitFailure.Truncated, e.Failure);
        Assert.Contains("received 1200 of 5000 bytes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_MalformedResponse_ThrowsProtocol()
    {
        await using var server = ScriptedHttpServer.Start("SSH-2.0-OpenSSH_9.6\r\n"u8.ToArray());
        var e = await Assert.ThrowsAsync<HttpWireProtocolException>(() => GetAsync(server.Url()));
        Assert.Equal(SockitFailure.Protocol, e.Failure);
    }

    [Fact]
    public async Task SendAsync_ServerStalls_TimesOutWithWhatArrived()
    {
        await using var server = ScriptedHttpServer.Start("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc"u8.ToArray(), ScriptedHttpEnding.Stall);
        var e = await Assert.ThrowsAsync<ConnectionException>(() => GetAsync(server.Url(), timeout: TimeSpan.FromMilliseconds(300)));
        Assert.Equal(SockitFailure.TimedOut, e.Failure);
        Assert.Contains("received 3 of 10 bytes", e.Message, StringComparison.Ordinal);
        Assert.Equal((ConnectionPhase.Receive, TimeSpan.FromMilliseconds(300)), (e.Phase, e.Timeout));
    }

    [Fact]
    public async Task SendAsync_NothingListening_ThrowsRefused()
    {
        var port = FreePorts.Get();
        var e = await Assert.ThrowsAsync<ConnectionException>(() => GetAsync(new Uri($"http://127.0.0.1:{port}/")));
        Assert.Equal(SockitFailure.Refused, e.Failure);
        Assert.Equal((ConnectionPhase.Connect, "127.0.0.1", port), (e.Phase, e.Host, e.Port));
        Assert.Equal([new IPEndPoint(IPAddress.Loopback, port)], e.Tried);
        Assert.IsType<SocketException>(e.InnerException);
    }

    [Fact]
    public async Task SendAsync_NothingListening_SameFailureAsConnectorInTheUrlsWords()
    {
        var port = FreePorts.Get();
        var connect = await Assert.ThrowsAsync<ConnectionException>(async () => await Connector.ConnectAsync("127.0.0.1", port, cancellationToken: Token));
        var get = await Assert.ThrowsAsync<ConnectionException>(() => GetAsync(new Uri($"http://127.0.0.1:{port}/")));
        Assert.Equal((connect.Failure, connect.SocketError), (get.Failure, get.SocketError));
        // Facts only: what to try is the CLI's to say (GetCommandTests asserts its whole line).
        Assert.Equal($"cannot connect to 127.0.0.1:{port}: connection refused by 127.0.0.1:{port}", get.Message);
    }

    [Fact]
    public async Task ReadResponseAsync_OnOwnSocketWithTheLessonsRequest_ReadsTheWholeChunkedPage()
    {
        // The tour's case: the lesson's own request on a socket the caller connected, a page in many pieces.
        var page = string.Concat(Enumerable.Range(0, 300).Select(i => $"<p>cat video {i}</p>\n"));
        var chunks = page.Chunk(1000).Select(c => $"{c.Length:x}\r\n{new string(c)}\r\n");
        var wire = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + string.Concat(chunks) + "0\r\n\r\n");
        await using var server = ScriptedHttpServer.Start(wire.Chunk(4096).ToList(), TimeSpan.FromMilliseconds(5));
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, server.Port, Token);
        await using var stream = new NetworkStream(socket);
        await stream.WriteAsync("GET / HTTP/1.1\r\nHost: cutecatvideos.net\r\n\r\n"u8.ToArray(), Token);
        var body = new MemoryStream();
        var response = await HttpWireClient.ReadResponseAsync(stream, "GET", body, cancellationToken: Token);
        Assert.Equal(page, Encoding.ASCII.GetString(body.ToArray()));
        Assert.Equal(HttpBodyFraming.Chunked, response.Framing);
    }

    [Fact]
    public void HttpRequestWriter_Http10WithReplacedHost_WritesTheRequestLineAndFields()
    {
        var request = new HttpWireRequest(new Uri("http://[::1]:8080/x y"), "HEAD") { Version = new Version(1, 0), Headers = [new("host", "example.test")], UserAgent = "ua" };
        Assert.Equal("HEAD /x%20y HTTP/1.0\r\nhost: example.test\r\nUser-Agent: ua\r\nAccept: */*\r\nConnection: close\r\n\r\n", Encoding.ASCII.GetString(HttpRequestWriter.Write(request)));
    }

    [Theory]
    [InlineData("Bad Name", "v")]
    [InlineData("X", "a\r\nInjected: yes")]
    public void HttpRequestWriter_InvalidField_ThrowsArgumentException(string name, string value)
    {
        var request = new HttpWireRequest(new Uri("http://localhost/")) { Headers = [new(name, value)] };
        Assert.Throws<ArgumentException>(() => HttpRequestWriter.Write(request));
    }

    // A FileStream body and an observer that does not want the body's bytes: on Linux the body is spliced into the file.
    private static async Task<(HttpWireResponse Response, byte[] File)> GetToFileAsync(Uri url, byte[] prefix, ProgressCounter progress, TimeSpan? timeout = null)
    {
        var path = Path.Combine(Path.GetTempPath(), $"sockit-splice-{Guid.NewGuid():N}.bin");
        try
        {
            HttpWireResponse response;
            await using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 0, useAsync: false))
            {
                file.Write(prefix);
                var client = new HttpWireClient(new HttpWireClientOptions { Timeout = timeout ?? TimeSpan.FromSeconds(15) });
                response = await client.GetAsync(url, file, progress, Token);
            }
            return (response, await File.ReadAllBytesAsync(path, Token));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task GetAsync_NginxLargeFileIntoAFileAfterAPrefix_EveryByteInPlace()
    {
        await using var nginx = await NginxServer.StartAsync();
        var content = new byte[24 * 1024 * 1024 + 17];
        new Random(7).NextBytes(content);
        await File.WriteAllBytesAsync(Path.Combine(nginx.Root, "big.bin"), content, Token);
        var prefix = "already here\n"u8.ToArray();
        var progress = new ProgressCounter { WantsBytes = false };
        var (response, file) = await GetToFileAsync(nginx.Url("/big.bin"), prefix, progress);
        Assert.Equal(content.Length, response.BodyLength);
        Assert.Equal(SHA256.HashData([.. prefix, .. content]), SHA256.HashData(file));
        Assert.Equal(content.Length, progress.Last);
        Assert.True(response.WireBytesReceived > content.Length);
    }

    [Fact]
    public async Task GetAsync_NginxLargeFileAppendedToAFile_EveryByteAfterWhatWasThere()
    {
        await using var nginx = await NginxServer.StartAsync();
        var content = new byte[3 * 1024 * 1024 + 5];
        new Random(11).NextBytes(content);
        await File.WriteAllBytesAsync(Path.Combine(nginx.Root, "big.bin"), content, Token);
        var path = Path.Combine(Path.GetTempPath(), $"sockit-append-{Guid.NewGuid():N}.bin");
        try
        {
            var prefix = "earlier lines\n"u8.ToArray();
            await File.WriteAllBytesAsync(path, prefix, Token);
            await using (var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 0, useAsync: false))
            {
                var response = await new HttpWireClient().GetAsync(nginx.Url("/big.bin"), file, new ProgressCounter { WantsBytes = false }, Token);
                Assert.Equal(content.Length, response.BodyLength);
            }
            Assert.Equal(SHA256.HashData([.. prefix, .. content]), SHA256.HashData(await File.ReadAllBytesAsync(path, Token)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task GetAsync_NginxLargeFileIntoAnOAppendDescriptor_WrittenOrdinarilyAfterSpliceIsRefused()
    {
        // splice(2) refuses an O_APPEND file (EINVAL), which .NET never opens: the body must still arrive whole.
        await using var nginx = await NginxServer.StartAsync();
        var content = new byte[3 * 1024 * 1024 + 9];
        new Random(13).NextBytes(content);
        await File.WriteAllBytesAsync(Path.Combine(nginx.Root, "big.bin"), content, Token);
        var path = Path.Combine(Path.GetTempPath(), $"sockit-oappend-{Guid.NewGuid():N}.bin");
        try
        {
            var prefix = "kept\n"u8.ToArray();
            await File.WriteAllBytesAsync(path, prefix, Token);
            const int WriteOnlyAppend = 0x1 | 0x400 | 0x80000; // O_WRONLY | O_APPEND | O_CLOEXEC
            var descriptor = OpenDescriptor(path, WriteOnlyAppend, 0);
            Assert.True(descriptor >= 0, $"open failed: errno {Marshal.GetLastPInvokeError()}");
            await using (var file = new FileStream(new SafeFileHandle(descriptor, ownsHandle: true), FileAccess.Write, bufferSize: 0))
            {
                var response = await new HttpWireClient().GetAsync(nginx.Url("/big.bin"), file, new ProgressCounter { WantsBytes = false }, Token);
                Assert.Equal(content.Length, response.BodyLength);
            }
            Assert.Equal(SHA256.HashData([.. prefix, .. content]), SHA256.HashData(await File.ReadAllBytesAsync(path, Token)));
        }
        finally
        {
            File.Delete(path);
        }
    }

#pragma warning disable SYSLIB1054 // a test's one libc call: DllImport keeps it free of unsafe code
    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int OpenDescriptor([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, int mode);
#pragma warning restore SYSLIB1054

    [Fact]
    public async Task GetAsync_BodyCutShortIntoAFile_ThrowsTruncatedWithCounts()
    {
        await using var server = ScriptedHttpServer.Start(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n" + new string('x', 1200)));
        var e = await Assert.ThrowsAsync<HttpWireProtocolException>(() => GetToFileAsync(server.Url(), [], new ProgressCounter { WantsBytes = false }));
        Assert.Equal(SockitFailure.Truncated, e.Failure);
        Assert.Contains("received 1200 of 5000 bytes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_ServerStallsWhileWritingAFile_TimesOutWithWhatArrived()
    {
        await using var server = ScriptedHttpServer.Start("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc"u8.ToArray(), ScriptedHttpEnding.Stall);
        var e = await Assert.ThrowsAsync<ConnectionException>(() => GetToFileAsync(server.Url(), [], new ProgressCounter { WantsBytes = false }, TimeSpan.FromMilliseconds(300)));
        Assert.Equal(SockitFailure.TimedOut, e.Failure);
        Assert.Contains("received 3 of 10 bytes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_ServerStallsWithLessThanAWakesWorthWaiting_TimeoutCountsEveryByteThatArrived()
    {
        // 270,000 body bytes, then 30,000 more after a pause, then nothing: the last ones wait in the kernel below the
        // quarter megabyte the splice loop waits for, and the timeout must still count them (the server's own count).
        var head = "HTTP/1.1 200 OK\r\nContent-Length: 4194304\r\n\r\n"u8.ToArray();
        await using var server = ScriptedHttpServer.Start([head, new byte[270_000], new byte[30_000]], TimeSpan.FromMilliseconds(100), ScriptedHttpEnding.Stall);
        var e = await Assert.ThrowsAsync<ConnectionException>(() => GetToFileAsync(server.Url(), [], new ProgressCounter { WantsBytes = false }, TimeSpan.FromMilliseconds(1500)));
        Assert.Equal(SockitFailure.TimedOut, e.Failure);
        Assert.Contains("received 300000 of 4194304 bytes", e.Message, StringComparison.Ordinal);
    }

    private sealed class ProgressCounter : HttpWireObserver
    {
        public bool WantsBytes { get; init; } = true;

        public override bool WantsResponseBytes => WantsBytes;

        public long Last { get; private set; }

        public int Calls { get; private set; }

        public override void OnBodyProgress(long received, long? expected)
        {
            Last = received;
            Calls++;
        }
    }
}
