namespace Sockit.Cli.Completion;

/// <summary>One positional argument as completions and the man page see it.</summary>
/// <param name="Name">Its name in the usage line (<c>HOST</c>).</param>
/// <param name="Description">Its description, as <c>--help</c> prints it.</param>
/// <param name="Optional">True when it may be left out.</param>
/// <param name="Values">The values a shell can offer (AcceptOnlyFromAmong); empty when any value goes.</param>
internal sealed record ArgumentNode(string Name, string Description, bool Optional, IReadOnlyList<string> Values);
