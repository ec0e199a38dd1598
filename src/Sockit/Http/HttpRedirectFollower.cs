using System.Diagnostics;
using System.Globalization;

namespace Sockit.Http;

/// <summary>
/// Follows redirects (RFC 9110 section 15.4) with an <see cref="HttpWireClient"/>, one exchange a hop: 301, 302, 303,
/// 307 and 308 with a Location field. 303 turns any method but HEAD into GET without a body; 301 and 302 turn POST into
/// GET (as browsers and curl do, which RFC 9110 allows); 307 and 308 repeat the method and body. A hop to another
/// origin drops Authorization and Cookie fields. Only the last response's body reaches the caller's stream; the
/// observer sees every hop (its heads, its trace).
/// </summary>
public sealed class HttpRedirectFollower
{
    /// <summary>curl's default limit, and sockit's.</summary>
    public const int DefaultMaxRedirects = 10;

    private static readonly HttpWireObserver s_noObserver = new();

    /// <summary>Creates a follower that sends each hop with <paramref name="client"/> and follows at most <paramref name="maxRedirects"/> redirects (0: none).</summary>
    public HttpRedirectFollower(HttpWireClient client, int maxRedirects = DefaultMaxRedirects)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRedirects);
        Client = client;
        MaxRedirects = maxRedirects;
    }

    /// <summary>The client each hop goes through.</summary>
    public HttpWireClient Client { get; }

    /// <summary>The most redirects followed; one more is a <see cref="HttpRedirectException"/>.</summary>
    public int MaxRedirects { get; }

    /// <summary>
    /// Sends <paramref name="request"/> and follows the redirects it gets. Throws what <see cref="HttpWireClient.SendAsync"/>
    /// throws, and <see cref="HttpRedirectException"/> for a loop, one redirect too many, or a Location that cannot be followed.
    /// </summary>
    public async Task<HttpRedirectResult> SendAsync(HttpWireRequest request, Stream body, HttpWireObserver? observer = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(body);
        observer ??= s_noObserver;
        var started = Stopwatch.GetTimestamp();
        var chain = new List<Uri>();
        var requested = new List<string>();
        while (true)
        {
            var hopStarted = Stopwatch.GetTimestamp();
            requested.Add(Key(request));
            var hop = new HopObserver(observer, body);
            var response = await Client.SendAsync(request, hop.Body, hop, cancellationToken).ConfigureAwait(false);
            var next = hop.IsRedirect ? Next(request, response.Head) : null;
            if (next is null)
            {
                return new HttpRedirectResult
                {
                    Response = response,
                    Request = request,
                    Redirected = chain,
                    RedirectTime = Stopwatch.GetElapsedTime(started, hopStarted),
                };
            }
            chain.Add(request.Url);
            var location = response.Head.GetValue("Location");
            if (requested.IndexOf(Key(next)) is var earlier and >= 0)
            {
                throw new HttpRedirectException(SockitFailure.TooManyRedirects,
                    $"redirect loop: {request.Url} redirects ({response.Head.StatusCode}) back to {next.Method} {next.Url}, request {(earlier + 1).ToString(CultureInfo.InvariantCulture)} of {requested.Count.ToString(CultureInfo.InvariantCulture)}")
                {
                    Chain = [.. chain, next.Url], MaxRedirects = MaxRedirects, IsLoop = true, Location = location,
                };
            }
            if (chain.Count > MaxRedirects)
            {
                throw new HttpRedirectException(SockitFailure.TooManyRedirects,
                    $"too many redirects: {request.Url} redirects ({response.Head.StatusCode}) to {next.Url} after {MaxRedirects} redirect{(MaxRedirects == 1 ? "" : "s")}, the most allowed")
                {
                    Chain = [.. chain, next.Url], MaxRedirects = MaxRedirects, Location = location,
                };
            }
            observer.OnTrace($"following {response.Head.StatusCode} to {next.Method} {next.Url} (redirect {chain.Count} of at most {MaxRedirects})");
            request = next;
        }
    }

    /// <summary>Whether <paramref name="status"/> is a redirect this follower follows (with a Location field).</summary>
    public static bool IsFollowedStatus(int status) => status is 301 or 302 or 303 or 307 or 308;

    /// <summary>
    /// The request a redirect response asks for, by RFC 9110 section 15.4's rules for the method and body; null when
    /// <paramref name="head"/> is not a redirect to follow (another status, or no Location field). Throws
    /// <see cref="HttpRedirectException"/> (<see cref="SockitFailure.Protocol"/>) when the Location is not an http URL.
    /// </summary>
    public static HttpWireRequest? Next(HttpWireRequest request, HttpResponseHead head)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(head);
        if (!IsFollowedStatus(head.StatusCode) || head.GetValue("Location") is not { } location)
        {
            return null;
        }
        if (!Uri.TryCreate(request.Url, location.Trim(), out var target) || !target.IsAbsoluteUri)
        {
            throw new HttpRedirectException(SockitFailure.Protocol, $"{request.Url} redirects ({head.StatusCode}) to '{location}', which is not a URL")
            {
                Chain = [request.Url], Location = location,
            };
        }
        var toGet = head.StatusCode == 303 ? request.Method != "HEAD" : head.StatusCode is 301 or 302 && request.Method == "POST";
        var sameOrigin = Uri.Compare(request.Url, target, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
        var headers = request.Headers.Where(f => Keep(f, toGet, sameOrigin)).ToList();
        try
        {
            return new HttpWireRequest(target, toGet ? "GET" : request.Method)
            {
                Version = request.Version,
                UserAgent = request.UserAgent,
                Headers = headers,
                Body = toGet ? null : request.Body,
            };
        }
        catch (ArgumentException e)
        {
            throw new HttpRedirectException(SockitFailure.Protocol, $"{request.Url} redirects ({head.StatusCode}) to {target}, which cannot be followed: {e.Message}", e)
            {
                Chain = [request.Url, target], Location = location,
            };
        }
    }

    // A request turned into GET loses its content's fields; one sent to another origin loses its credentials (as curl does).
    private static bool Keep(HttpHeaderField field, bool toGet, bool sameOrigin) =>
        !(toGet && field.Name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))
        && (sameOrigin || !(field.Name.Equals("Authorization", StringComparison.OrdinalIgnoreCase) || field.Name.Equals("Cookie", StringComparison.OrdinalIgnoreCase)));

    private static string Key(HttpWireRequest request) => $"{request.Method} {request.Url.AbsoluteUri}";

    /// <summary>Passes every event on, and sends a redirect's body nowhere, deciding when its head arrives.</summary>
    private sealed class HopObserver(HttpWireObserver inner, Stream body) : HttpWireObserver
    {
        private readonly GateStream _gate = new(body);

        public Stream Body => _gate;

        public bool IsRedirect { get; private set; }

        public override void OnTrace(string message) => inner.OnTrace(message);

        public override void OnRequestSent(ReadOnlySpan<byte> request) => inner.OnRequestSent(request);

        public override void OnResponseBytes(ReadOnlySpan<byte> bytes) => inner.OnResponseBytes(bytes);

        public override bool WantsResponseBytes => inner.WantsResponseBytes;

        public override void OnInterimHead(HttpResponseHead head) => inner.OnInterimHead(head);

        public override void OnHead(HttpResponseHead head, HttpBodyFraming framing, long? contentLength)
        {
            IsRedirect = IsFollowedStatus(head.StatusCode) && head.GetValue("Location") is not null;
            _gate.Open = !IsRedirect;
            inner.OnHead(head, framing, contentLength);
        }

        public override void OnBodyProgress(long received, long? expected)
        {
            if (!IsRedirect)
            {
                inner.OnBodyProgress(received, expected);
            }
        }
    }

    /// <summary>Writes through to the caller's stream while open; swallows the bytes otherwise.</summary>
    private sealed class GateStream(Stream inner) : Stream
    {
        public bool Open { get; set; } = true;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
            if (Open)
            {
                inner.Flush();
            }
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Open ? inner.FlushAsync(cancellationToken) : Task.CompletedTask;

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (Open)
            {
                inner.Write(buffer, offset, count);
            }
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            Open ? inner.WriteAsync(buffer, cancellationToken) : ValueTask.CompletedTask;

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
