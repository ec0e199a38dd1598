namespace Sockit.Cli.Tour;

/// <summary>What the lesson's read loop got: the bytes, and how many <c>recv</c> calls it made.</summary>
/// <param name="Data">Every byte received before the loop stopped.</param>
/// <param name="Receives">How many receives the loop made.</param>
internal sealed record LessonRead(byte[] Data, int Receives);
