namespace Sockit.Services;

/// <summary>Where a <see cref="ServicesDatabase"/> came from.</summary>
/// <param name="Path">The file read, or <see langword="null"/> for the copy embedded in sockit.</param>
public sealed record ServicesSource(string? Path)
{
    /// <summary>The copy of Debian's services list embedded in sockit, used where the OS has no file.</summary>
    public static ServicesSource Embedded { get; } = new((string?)null);

    /// <summary>Whether this is the embedded copy.</summary>
    public bool IsEmbedded => Path is null;

    /// <inheritdoc/>
    public override string ToString() => Path ?? "embedded copy";
}
