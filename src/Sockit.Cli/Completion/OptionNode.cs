namespace Sockit.Cli.Completion;

/// <summary>One option as completions and the man page see it.</summary>
/// <param name="Names">Every name the option answers to, the long name first: <c>["--udp", "-u"]</c>.</param>
/// <param name="Description">The option's description, as <c>--help</c> prints it.</param>
/// <param name="ValueName">The name of its value (<c>S</c>, <c>text|json|python</c>); null for a switch.</param>
/// <param name="Values">The values a shell can offer; empty when any value goes.</param>
/// <param name="CompletesFiles">True when the value is a file or path, so the shell offers file names.</param>
internal sealed record OptionNode(IReadOnlyList<string> Names, string Description, string? ValueName, IReadOnlyList<string> Values, bool CompletesFiles)
{
    /// <summary>True when the option is followed by a value.</summary>
    public bool TakesValue => ValueName is not null;
}
