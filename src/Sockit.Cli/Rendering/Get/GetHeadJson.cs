namespace Sockit.Cli.Rendering;

/// <summary>An interim (1xx) response head in <c>get --format json</c>.</summary>
internal sealed record GetHeadJson(string HttpVersion, int Status, string Reason, IReadOnlyList<GetFieldJson> Headers);
