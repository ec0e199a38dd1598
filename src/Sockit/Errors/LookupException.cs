namespace Sockit;

/// <summary>A name (service, host, address) could not be looked up; <see cref="SockitException.Failure"/> is usually <see cref="SockitFailure.NotFound"/>.</summary>
public sealed class LookupException : SockitException
{
    /// <summary>Creates the exception.</summary>
    public LookupException(string message, SockitFailure failure = SockitFailure.NotFound, Exception? innerException = null)
        : base(failure, message, innerException)
    {
    }
}
