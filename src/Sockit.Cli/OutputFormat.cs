namespace Sockit.Cli;

/// <summary>The global <c>--format</c>: text for people, json for programs, python for what Python's socket module prints.</summary>
internal enum OutputFormat
{
    Text,
    Json,
    Python,
}
