namespace Sockit.Cli.Commands;

/// <summary><c>sockit constants</c>'s command line, checked.</summary>
/// <param name="Prefix"><c>AF_</c>, <c>SOCK_</c> or <c>IPPROTO_</c>, or null for all three.</param>
internal sealed record ConstantsArguments(string? Prefix);
