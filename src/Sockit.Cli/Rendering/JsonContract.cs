namespace Sockit.Cli.Rendering;

/// <summary>The version of the <c>--format json</c> documents (docs/cli-json.md), the first property of every one.</summary>
internal static class JsonContract
{
    /// <summary>
    /// Raised only when a document changes incompatibly: a property removed, renamed or retyped, or its meaning
    /// changed. Adding a property keeps the version, so readers ignore properties they do not know.
    /// </summary>
    public const int Version = 1;
}
