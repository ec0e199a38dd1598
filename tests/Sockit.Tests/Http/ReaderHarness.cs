using System.Text;
using Sockit.Http;

namespace Sockit.Tests.Http;

/// <summary>Feeds a response to an <see cref="HttpResponseReader"/> in given pieces, as a socket would deliver it.</summary>
internal static class ReaderHarness
{
    public static byte[] Bytes(string text) => Encoding.Latin1.GetBytes(text);

    /// <summary>Feeds <paramref name="pieces"/> in order, then the end of the stream when the reader still wants more.</summary>
    public static ReadOutcome Feed(IEnumerable<byte[]> pieces, string method = "GET", bool close = true, HttpReaderLimits? limits = null)
    {
        var reader = new HttpResponseReader(method, limits);
        var body = new MemoryStream();
        var interim = 0;
        var leftover = 0;
        foreach (var piece in pieces)
        {
            var input = piece.AsSpan();
            if (reader.IsComplete)
            {
                leftover += input.Length;
                continue;
            }
            while (true)
            {
                var status = reader.Read(input, out var consumed, out var data);
                Assert.InRange(consumed, 0, input.Length);
                input = input[consumed..];
                if (status == HttpReadStatus.Body)
                {
                    Assert.False(data.IsEmpty);
                    body.Write(data);
                }
                else if (status == HttpReadStatus.InterimHead)
                {
                    interim++;
                }
                else if (status == HttpReadStatus.NeedMoreData)
                {
                    Assert.True(input.IsEmpty);
                    break;
                }
                else if (status == HttpReadStatus.Complete)
                {
                    leftover += input.Length;
                    break;
                }
            }
        }
        if (close && !reader.IsComplete)
        {
            reader.EndOfStream();
        }
        return new ReadOutcome(reader, body.ToArray(), interim, leftover);
    }

    public static ReadOutcome Feed(string response, string method = "GET", bool close = true) => Feed([Bytes(response)], method, close);

    /// <summary>Feeds one byte at a time.</summary>
    public static ReadOutcome FeedBytewise(byte[] response, string method = "GET") => Feed(response.Select(b => new[] { b }), method);

    public static IEnumerable<byte[]> SplitAt(byte[] bytes, params int[] cuts)
    {
        var start = 0;
        foreach (var cut in cuts.Append(bytes.Length))
        {
            yield return bytes[start..cut];
            start = cut;
        }
    }
}
