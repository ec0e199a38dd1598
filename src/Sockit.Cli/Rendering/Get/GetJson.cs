using Sockit.Http;

namespace Sockit.Cli.Rendering;

/// <summary>The document <c>get --format json</c> prints once the response is read (docs/cli-json.md).</summary>
internal sealed record GetJson(
    int Version,
    string Url,
    string Method,
    string? Remote,
    string HttpVersion,
    int Status,
    string Reason,
    IReadOnlyList<GetFieldJson> Headers,
    IReadOnlyList<GetHeadJson> Interim,
    IReadOnlyList<GetFieldJson> Trailers,
    string Framing,
    long? ContentLength,
    long BodyBytes,
    long WireBytes,
    double ElapsedMs,
    string? Output,
    GetTimingsJson? Timings = null,
    int Redirects = 0,
    string? EffectiveUrl = null,
    GetTlsJson? Tls = null)
{
    /// <summary>The document of a whole exchange: <paramref name="requested"/> as asked, the redirects followed, the last response and its timings.</summary>
    public static GetJson From(HttpWireRequest requested, HttpRedirectResult result, string? output) =>
        From(requested, result.Response, output) with
        {
            Method = result.Request.Method,
            // With -L, from the first request's start: the same as timings.total.
            ElapsedMs = Math.Round(result.Timings.Total.TotalMilliseconds, 3),
            Timings = GetTimingsJson.From(result.Timings),
            Redirects = result.Redirected.Count,
            EffectiveUrl = result.Request.Url.ToString(),
        };

    public static GetJson From(HttpWireRequest request, HttpWireResponse response, string? output) => new(
        1,
        request.Url.ToString(),
        request.Method,
        response.RemoteEndPoint?.ToString(),
        VersionOf(response.Head),
        response.Head.StatusCode,
        response.Head.ReasonPhrase,
        Fields(response.Head.Headers),
        response.InterimHeads.Select(h => new GetHeadJson(VersionOf(h), h.StatusCode, h.ReasonPhrase, Fields(h.Headers))).ToList(),
        Fields(response.Trailers),
        response.Framing switch
        {
            HttpBodyFraming.None => "none",
            HttpBodyFraming.Chunked => "chunked",
            HttpBodyFraming.ContentLength => "content-length",
            _ => "until-close",
        },
        response.ContentLength,
        response.BodyLength,
        response.WireBytesReceived,
        Math.Round(response.Elapsed.TotalMilliseconds, 3),
        output,
        Tls: response.Tls is { } tls
            ? new GetTlsJson(tls.ProtocolName, tls.CipherSuite, tls.ApplicationProtocol, TlsRenderer.VerdictName(tls.Verdict), tls.VerdictReason)
            : null);

    private static string VersionOf(HttpResponseHead head) => $"{head.Version.Major}.{head.Version.Minor}";

    private static List<GetFieldJson> Fields(IEnumerable<HttpHeaderField> fields) => fields.Select(f => new GetFieldJson(f.Name, f.Value)).ToList();
}
