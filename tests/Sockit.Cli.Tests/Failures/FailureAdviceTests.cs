using System.Net.Sockets;
using System.Text.Json;
using Sockit.Cli.Failures;
using Sockit.Connections;
using Sockit.Http;

namespace Sockit.Cli.Tests.Failures;

/// <summary>
/// The advice for failures the suite cannot provoke on loopback (no root to hit EACCES on a low port, no full
/// descriptor table), from exceptions built with the facts the library would give; and the JSON object's escaping.
/// </summary>
public sealed class FailureAdviceTests
{
    [Fact]
    public void Bind_LowPortWithoutRights_AdvisesAPortAbove1023()
    {
        var e = new ConnectionException(SockitFailure.Unreachable, "cannot listen on 127.0.0.1:80: Permission denied", new SocketException((int)SocketError.AccessDenied))
        {
            Phase = ConnectionPhase.Bind, Host = "127.0.0.1", Port = 80,
        };
        Assert.Equal("cannot listen on 127.0.0.1:80: Permission denied (ports below 1024 need root; pick a port above 1023)",
            FailureAdvice.Describe(e, new FailureContext("listen")));
    }

    [Fact]
    public void Bind_UnixDirectoryWithoutRights_AdvisesAnotherDirectory()
    {
        var e = new ConnectionException(SockitFailure.Unreachable, "cannot listen on unix socket /root/s: Permission denied", new SocketException((int)SocketError.AccessDenied))
        {
            Phase = ConnectionPhase.Bind, Path = "/root/s",
        };
        Assert.Equal("cannot listen on unix socket /root/s: Permission denied (pick a directory you may write to)",
            FailureAdvice.Describe(e, new FailureContext("listen")));
    }

    [Fact]
    public void Accept_OutOfDescriptors_AdvisesTheOpenFileLimit()
    {
        var e = new ConnectionException(SockitFailure.Io, "accept on 127.0.0.1:8000 failed: Too many open files", new SocketException((int)SocketError.TooManyOpenSockets))
        {
            Phase = ConnectionPhase.Accept, Host = "127.0.0.1", Port = 8000,
        };
        Assert.Equal("accept on 127.0.0.1:8000 failed: Too many open files (check the open-file limit, ulimit -n, and retry)",
            FailureAdvice.Describe(e, new FailureContext("listen")));
    }

    [Fact]
    public void HttpLimitCrossed_NoAdvice_TheMessageSaysIt()
    {
        var e = new HttpWireProtocolException("the header section is larger than 65536 bytes (the limit; the response is malformed or hostile)")
        {
            LimitName = nameof(HttpReaderLimits.MaxHeaderSectionBytes), LimitValue = 65536,
        };
        var report = FailureReport.From(e, new FailureContext("get"));
        Assert.Equal(new FailureReport("protocol", 76, e.Message), report);
    }

    [Fact]
    public void Json_KeepsQuotesAndNonAsciiReadable_EscapesWhatJsonMust()
    {
        var line = FailureOutput.Json(new FailureReport("not-found", 68, "cannot resolve 'café.test': \"no\"\tname"));
        Assert.Equal("""{"error":"not-found","exit":68,"message":"cannot resolve 'café.test': \"no\"\tname"}""", line);
        Assert.Equal("cannot resolve 'café.test': \"no\"\tname", JsonDocument.Parse(line).RootElement.GetProperty("message").GetString());
    }
}
