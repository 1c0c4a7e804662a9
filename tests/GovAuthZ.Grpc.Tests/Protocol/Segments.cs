using System.Buffers;

namespace GovAuthZ.Grpc.Tests.Protocol;

/// <summary>Builds multi-segment sequences, the shape a pipe reader hands over when data arrives in pieces.</summary>
internal static class Segments
{
    /// <summary>Splits <paramref name="data"/> before each of the ascending, in-range <paramref name="cuts"/>.</summary>
    public static ReadOnlySequence<byte> Split(byte[] data, IReadOnlyList<int> cuts)
    {
        var first = new Segment(data.AsMemory(0, cuts.Count == 0 ? data.Length : cuts[0]), 0);
        var last = first;
        for (var i = 0; i < cuts.Count; i++)
        {
            var end = i + 1 < cuts.Count ? cuts[i + 1] : data.Length;
            last = last.Append(data.AsMemory(cuts[i], end - cuts[i]));
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
