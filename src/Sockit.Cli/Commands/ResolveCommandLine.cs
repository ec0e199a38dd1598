namespace Sockit.Cli.Commands;

/// <summary><c>sockit resolve</c>'s options as the parser gives them, before <see cref="ResolveCommand"/> checks them into <see cref="ResolveArguments"/>.</summary>
internal sealed record ResolveCommandLine(
    string? Name, bool Ex, string? Service, string? Family, string? Type, string? Proto, bool Canonical, bool Passive, bool Reverse, string? Server, TimeSpan? Timeout)
{
    /// <summary>Whether any option asks for getaddrinfo.</summary>
    public bool AddrInfo => Service is not null || Family is not null || Type is not null || Proto is not null || Canonical || Passive;
}
