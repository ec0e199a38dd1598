namespace Sockit.Naming;

/// <summary>A DNS response as read off the wire: its header's facts, its question and its answer records.</summary>
internal sealed record DnsWireResponse(ushort Id, bool IsResponse, bool Truncated, int ResponseCode, string? QuestionName, int QuestionType, int QuestionClass, IReadOnlyList<DnsWireRecord> Answers);
