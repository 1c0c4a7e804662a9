using System.Buffers;
using GovAuthZ.Caching;
using GovAuthZ.Contracts.Decision.V1;

namespace GovAuthZ.Server.Decisions;

/// <summary>
/// Writes the canonical cache key of a <see cref="CheckRequest"/>: every field that can change how the
/// request is validated or decided, in a fixed order, each variant part tagged and every string
/// length-prefixed (design 7.3), so two requests share a key only when they are the same question.
/// <para>
/// Left out on purpose: <c>official.roles</c> (the model takes roles from g rows only, see
/// RequestMapper; if roles ever feed a decision they must be added here) and <c>consistency_token</c>
/// (freshness is enforced through the entry's version stamp, not by making each token its own entry).
/// Included although nothing reads them yet: <c>acting_app</c> and <c>citizen_id</c>, which consent
/// checks will read; a key that is too specific only costs hit rate, one that is too coarse would hand
/// one caller another's decision. The policy revision is not in the bytes: it is the entry's version
/// stamp, checked on every hit, so a reload turns old entries into misses that the next store replaces.
/// </para>
/// Allocation-free once warm: the caller supplies the scratch, and attribute maps are sorted in a pooled
/// array.
/// </summary>
internal static class CheckKeyWriter
{
    /// <summary>Stack scratch that holds the key of any ordinary check; longer keys go to a pooled buffer.</summary>
    public const int StackBytes = 512;

    // Bumped whenever the layout changes, so keys written by another layout (a shared L2 during a rolling
    // upgrade) can never be read as this one.
    private const byte LayoutVersion = 1;

    // One cached delegate: sorting with a comparer object would box it and wrap it in a new delegate on
    // every call.
    private static readonly Comparison<KeyValuePair<string, string>> ByNameOrdinal =
        static (x, y) => string.CompareOrdinal(x.Key, y.Key);

    public static CacheKeyStatus Write(CheckRequest request, Span<byte> destination, out int length)
    {
        ArgumentNullException.ThrowIfNull(request);
        var writer = new CacheKeyWriter(destination);
        writer.WriteByte(LayoutVersion);
        WritePrincipal(ref writer, request.Principal);
        WriteResource(ref writer, request.Resource);
        writer.WriteString(request.Action);
        writer.WriteString(request.Purpose);
        writer.WriteString(request.CitizenId);
        length = writer.Written.Length;
        return writer.Status;
    }

    private static void WritePrincipal(ref CacheKeyWriter writer, Principal? principal)
    {
        // The tag is the oneof case (its proto field number), 0 when the principal is absent.
        writer.WriteByte((byte)(principal?.IdentityCase ?? Principal.IdentityOneofCase.None));
        switch (principal?.IdentityCase)
        {
            case Principal.IdentityOneofCase.Official:
                var official = principal.Official;
                writer.WriteString(official.Id);
                writer.WriteString(official.Department);
                writer.WriteInt32((int)official.Level);
                writer.WriteString(official.Region);
                writer.WriteInt32((int)official.Clearance);
                break;
            case Principal.IdentityOneofCase.App:
                writer.WriteString(principal.App.ClientId);
                break;
            case Principal.IdentityOneofCase.SubjectToken:
                writer.WriteString(principal.SubjectToken);
                break;
        }

        writer.WriteString(principal?.ActingApp ?? string.Empty);
    }

    private static void WriteResource(ref CacheKeyWriter writer, Resource? resource)
    {
        writer.WriteByte((byte)(resource?.KindCase ?? Resource.KindOneofCase.None));
        switch (resource?.KindCase)
        {
            case Resource.KindOneofCase.DatasetId:
                writer.WriteString(resource.DatasetId);
                break;
            case Resource.KindOneofCase.Attributes:
                WriteAttributes(ref writer, resource.Attributes.Values);
                break;
        }
    }

    // A map arrives in whatever order the caller wrote it; sorting by name (ordinal, as names compare)
    // makes equal maps equal keys. Names are unique in a map, so the order is total.
    private static void WriteAttributes(ref CacheKeyWriter writer, ICollection<KeyValuePair<string, string>> attributes)
    {
        var count = attributes.Count;
        writer.WriteInt32(count);
        var pool = ArrayPool<KeyValuePair<string, string>>.Shared;
        var pairs = pool.Rent(count);
        try
        {
            // CopyTo through the collection interface: enumerating the map would box its enumerator.
            attributes.CopyTo(pairs, 0);
            var sorted = pairs.AsSpan(0, count);
            sorted.Sort(ByNameOrdinal);
            foreach (var (name, value) in sorted)
            {
                writer.WriteString(name);
                writer.WriteString(value);
            }
        }
        finally
        {
            pool.Return(pairs, clearArray: true);
        }
    }
}
