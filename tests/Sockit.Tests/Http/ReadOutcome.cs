using System.Text;
using Sockit.Http;

namespace Sockit.Tests.Http;

/// <summary>What reading one response produced.</summary>
internal sealed record ReadOutcome(HttpResponseReader Reader, byte[] Body, int InterimCount, int Leftover)
{
    public string BodyText => Encoding.Latin1.GetString(Body);
}
