namespace Sockit.Cli.Completion;

/// <summary>One command as completions and the man page see it: its words from the root, what it says, what it takes.</summary>
/// <param name="Path">The command's words from the program on: <c>["sockit", "resolve"]</c>.</param>
/// <param name="Description">The command's description, as <c>--help</c> prints it.</param>
/// <param name="Subcommands">The visible subcommands.</param>
/// <param name="Options">The visible options the command accepts, its own and those inherited from its parents.</param>
/// <param name="Arguments">The command's positional arguments.</param>
internal sealed record CommandNode(
    IReadOnlyList<string> Path, string Description, IReadOnlyList<CommandNode> Subcommands,
    IReadOnlyList<OptionNode> Options, IReadOnlyList<ArgumentNode> Arguments)
{
    /// <summary>The words joined: <c>sockit resolve</c>.</summary>
    public string FullName => string.Join(' ', Path);

    /// <summary>This command and every command under it, parents first.</summary>
    public IEnumerable<CommandNode> SelfAndDescendants() => Subcommands.SelectMany(c => c.SelfAndDescendants()).Prepend(this);
}
