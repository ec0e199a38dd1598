using Sockit.Cli.Rendering;

// Not Sockit.Cli.Tests.Rendering: inside Sockit.Cli.Tests that name would hide Sockit.Cli.Rendering, which other
// tests reach as Rendering.PyNaming.
namespace Sockit.Cli.Tests.Renderers;

/// <summary>What a renderer wrote for one result: stdout and stderr, with the CLI's "\n" line ends.</summary>
public sealed record Rendered(string Stdout, string Stderr)
{
    internal static Rendered Of<TResult>(ResultRenderer<TResult> renderer, OutputFormat format, TResult result)
    {
        using var output = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
        using var error = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
        renderer.Render(format, result, output, error);
        return new Rendered(output.ToString(), error.ToString());
    }

    /// <summary>The text rendering, with its stdout and stderr.</summary>
    internal static Rendered Text<TResult>(ResultRenderer<TResult> renderer, TResult result) => Of(renderer, OutputFormat.Text, result);

    /// <summary>The JSON rendering; JSON writes nothing to stderr.</summary>
    internal static string Json<TResult>(ResultRenderer<TResult> renderer, TResult result) => Only(Of(renderer, OutputFormat.Json, result));

    /// <summary>The Python rendering; Python's writes nothing to stderr.</summary>
    internal static string Python<TResult>(ResultRenderer<TResult> renderer, TResult result) => Only(Of(renderer, OutputFormat.Python, result));

    private static string Only(Rendered rendered)
    {
        Assert.Equal("", rendered.Stderr);
        return rendered.Stdout;
    }
}
