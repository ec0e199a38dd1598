namespace Sockit.Cli.Rendering;

/// <summary>One constant in <see cref="ConstantListJson"/>.</summary>
internal sealed record ConstantJson(string Name, int Value);
