namespace GovAuthZ.LoadGen.Running;

/// <summary>Failed calls grouped by their description, so a report says what went wrong and how often.</summary>
internal sealed class ErrorTally
{
    // Distinct descriptions kept; past this, new kinds are folded into one line so a server that puts
    // unique ids into its messages cannot grow the tally without bound.
    private const int MaxKinds = 32;
    private const string OtherKinds = "(other error kinds)";

    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);

    public long Total { get; private set; }

    public IReadOnlyDictionary<string, long> Counts => _counts;

    public void Add(string error, long count = 1)
    {
        var key = _counts.Count < MaxKinds || _counts.ContainsKey(error) ? error : OtherKinds;
        _counts[key] = _counts.GetValueOrDefault(key) + count;
        Total += count;
    }

    public void Add(ErrorTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (error, count) in other._counts)
        {
            Add(error, count);
        }
    }
}
