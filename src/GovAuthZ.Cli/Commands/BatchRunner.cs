using System.Buffers;
using System.Text;
using GovAuthZ.Core.Errors;
using GovAuthZ.Policy;

namespace GovAuthZ.Cli.Commands;

/// <summary>
/// Answers JSON Lines requests from a stream, one output line per input line, in order. Input is read in
/// chunks and never held whole; output is flushed after each chunk, so a driver that writes one request
/// and waits for its answer is served at once, while a bulk pipe is answered at full speed.
/// </summary>
internal static class BatchRunner
{
    private const int ChunkSize = 64 * 1024;
    private static readonly byte[] TrueLine = "true\n"u8.ToArray();
    private static readonly byte[] FalseLine = "false\n"u8.ToArray();

    /// <returns>0 when every line was a valid request, 1 when any was not.</returns>
    public static int Run(Enforcer enforcer, EnforceContext context, Stream input, Stream output)
    {
        var buffer = new ArrayBufferWriter<byte>(ChunkSize);
        var chunk = new byte[ChunkSize];
        var writer = new BufferedStream(output, ChunkSize);
        long lineNumber = 0;
        var anyBad = false;
        int read;
        while ((read = input.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk.AsSpan(0, read));
            var consumed = AnswerCompleteLines(enforcer, context, buffer.WrittenMemory, writer, ref lineNumber, ref anyBad);
            Compact(buffer, consumed);
            writer.Flush();
        }

        // The last line may lack its newline; what follows the final newline is a line only if it has content.
        if (!TrimLine(buffer.WrittenMemory).Span.Trim((byte)' ').IsEmpty)
        {
            anyBad |= !Answer(enforcer, context, buffer.WrittenMemory, writer, ++lineNumber);
        }

        writer.Flush();
        return anyBad ? 1 : 0;
    }

    private static int AnswerCompleteLines(Enforcer enforcer, EnforceContext context, ReadOnlyMemory<byte> data, Stream writer, ref long lineNumber, ref bool anyBad)
    {
        var start = 0;
        var span = data.Span;
        int newline;
        while ((newline = span[start..].IndexOf((byte)'\n')) >= 0)
        {
            var line = data.Slice(start, newline);
            anyBad |= !Answer(enforcer, context, line, writer, ++lineNumber);
            start += newline + 1;
        }

        return start;
    }

    private static bool Answer(Enforcer enforcer, EnforceContext context, ReadOnlyMemory<byte> line, Stream writer, long lineNumber)
    {
        var trimmed = TrimLine(line);
        try
        {
            var request = RequestValues.FromJsonLine(trimmed, lineNumber);
            // Any other evaluation failure (a missing attribute, a type mismatch) is a deny: a decision, not bad input.
            var outcome = enforcer.Decide(context, request);
            if (outcome.Error is { Code: ErrorCode.EvalRequestArity } arity)
            {
                // A request of the wrong shape is bad input, not a decision.
                throw new GovAuthZException(arity.Code, $"line {lineNumber}: {arity.Detail}");
            }

            writer.Write(outcome.Allowed ? TrueLine : FalseLine);
            return true;
        }
        catch (GovAuthZException error)
        {
            var text = $"error: {error.CodeId} {error.Detail.ReplaceLineEndings(" ")}\n";
            writer.Write(Encoding.UTF8.GetBytes(text));
            return false;
        }
    }

    private static ReadOnlyMemory<byte> TrimLine(ReadOnlyMemory<byte> line)
    {
        var span = line.Span;
        var end = span.Length;
        while (end > 0 && (span[end - 1] == (byte)'\r' || span[end - 1] == (byte)' '))
        {
            end--;
        }

        return line[..end];
    }

    private static void Compact(ArrayBufferWriter<byte> buffer, int consumed)
    {
        if (consumed == 0)
        {
            return;
        }

        var rest = buffer.WrittenSpan[consumed..].ToArray();
        buffer.Clear();
        buffer.Write(rest);
    }
}
