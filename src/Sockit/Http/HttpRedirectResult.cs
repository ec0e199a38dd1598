namespace Sockit.Http;

/// <summary>What <see cref="HttpRedirectFollower"/> ended with: the last response, the request that got it, and the way there.</summary>
public sealed class HttpRedirectResult
{
    /// <summary>The last response: not a redirect, or one not to be followed. Its body went to the caller's stream.</summary>
    public required HttpWireResponse Response { get; init; }

    /// <summary>The request that got <see cref="Response"/> (its URL is curl's <c>url_effective</c>).</summary>
    public required HttpWireRequest Request { get; init; }

    /// <summary>The URLs redirected from, in order: empty when the first response was the last.</summary>
    public IReadOnlyList<Uri> Redirected { get; init; } = [];

    /// <summary>The time the redirects took, before the last request started.</summary>
    public TimeSpan RedirectTime { get; init; }

    /// <summary>The last exchange's phases measured from the first request's start (so <see cref="HttpTimings.Total"/> is the whole chain).</summary>
    public HttpTimings Timings => Response.Timings.After(RedirectTime);
}
