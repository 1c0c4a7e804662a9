using FsCheck;
using FsCheck.Fluent;

namespace GovAuthZ.Grpc.Tests.Protocol;

/// <summary>A few framed messages and where the transport happened to split their bytes.</summary>
public sealed record SplitCase(byte[][] Payloads, bool[] Compressed, int[] Cuts)
{
    public override string ToString() =>
        $"payloads [{string.Join(", ", Payloads.Select(p => p.Length))}], cuts [{string.Join(", ", Cuts)}]";
}

/// <summary>Text for grpc-message, weighted towards the characters the encoding must escape.</summary>
public sealed record MessageText(string Value)
{
    public override string ToString() => Value;
}

public static class GrpcArbitraries
{
    public static Arbitrary<SplitCase> SplitCase() => Arb.From(SplitCaseGen());

    public static Arbitrary<MessageText> MessageText() => Arb.From(
        from count in Gen.Choose(0, 30)
        from pieces in Gen.ArrayOf(PieceGen(), count)
        select new MessageText(string.Concat(pieces)));

    private static Gen<SplitCase> SplitCaseGen() =>
        from count in Gen.Choose(1, 4)
        from payloads in Gen.ArrayOf(PayloadGen(), count)
        from compressed in Gen.ArrayOf(Gen.Elements(false, true), count)
        from cutCount in Gen.Choose(0, 12)
        from cuts in Gen.ArrayOf(Gen.Choose(1, 1000), cutCount)
        select new SplitCase(payloads, compressed, NormaliseCuts(cuts, TotalLength(payloads)));

    private static Gen<byte[]> PayloadGen() =>
        from length in Gen.Frequency((1, Gen.Constant(0)), (6, Gen.Choose(1, 40)))
        from bytes in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), length)
        select bytes;

    private static Gen<string> PieceGen() => Gen.OneOf(
        Gen.Choose(0x20, 0x7E).Select(c => ((char)c).ToString()),
        Gen.Constant("%"),
        Gen.Elements("%2", "%zz", "%41"),
        Gen.Choose(0x00, 0x1F).Select(c => ((char)c).ToString()),
        Gen.Choose(0x80, 0x7FF).Select(c => ((char)c).ToString()),
        Gen.Choose(0x4E00, 0x9FFF).Select(c => ((char)c).ToString()),
        Gen.Elements("\U0001F600", "\U00020000"));

    private static int TotalLength(byte[][] payloads) => payloads.Sum(p => p.Length + 5);

    // Cuts are positions strictly inside the data, ascending and distinct, so every segment is non-empty.
    private static int[] NormaliseCuts(int[] cuts, int total) =>
        cuts.Select(c => 1 + (c % Math.Max(total - 1, 1))).Where(c => c < total).Distinct().Order().ToArray();
}
