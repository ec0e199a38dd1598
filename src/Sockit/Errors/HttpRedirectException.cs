namespace Sockit.Http;

/// <summary>
/// A redirect was not followed: the chain reached its limit or came back to a request it had already made
/// (<see cref="SockitFailure.TooManyRedirects"/>), or its target is not a URL the client can fetch
/// (<see cref="SockitFailure.Protocol"/>).
/// </summary>
public sealed class HttpRedirectException : SockitException
{
    /// <summary>Creates the exception.</summary>
    public HttpRedirectException(SockitFailure failure, string message, Exception? innerException = null)
        : base(failure, message, innerException)
    {
    }

    /// <summary>The URLs requested so far, in order, the last one being the redirect that was not followed.</summary>
    public IReadOnlyList<Uri> Chain { get; init; } = [];

    /// <summary>The most redirects the chain was allowed to follow.</summary>
    public int MaxRedirects { get; init; }

    /// <summary>True when the redirect not followed leads back to a request made earlier in the chain.</summary>
    public bool IsLoop { get; init; }

    /// <summary>The Location field's value that was not followed.</summary>
    public string? Location { get; init; }
}
