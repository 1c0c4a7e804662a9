namespace GovAuthZ.Caching;

/// <summary>
/// What a cached value rests on: the revision of the whole state it was computed against (for
/// decisions, the policy bundle revision) and the versions of the individually versioned things it read
/// (for decisions, consents: design section 5). A hit needs the same revision and every dependency at
/// its recorded version.
/// </summary>
/// <remarks>
/// Revisions only grow. The cache relies on that to treat an entry stamped with an older revision than
/// a newer write as dead, so it is the first to be replaced.
/// </remarks>
public readonly struct VersionStamp
{
    public VersionStamp(long revision)
        : this(revision, ReadOnlyMemory<DependencyVersion>.Empty)
    {
    }

    public VersionStamp(long revision, ReadOnlyMemory<DependencyVersion> dependencies)
    {
        Revision = revision;
        Dependencies = dependencies;
    }

    public long Revision { get; }

    /// <summary>The versions read while computing the value; the owner must not change the memory afterwards.</summary>
    public ReadOnlyMemory<DependencyVersion> Dependencies { get; }
}

/// <summary>One versioned thing a cached value read (e.g. a consent) and the version it had then.</summary>
public readonly record struct DependencyVersion(string Id, long Version);

/// <summary>
/// Tells whether a dependency is still at a version; answered from memory (e.g. a version table kept
/// current by change notifications), since it runs on every hit of an entry that has dependencies.
/// </summary>
public interface IDependencyVersions
{
    bool IsCurrent(in DependencyVersion dependency);
}
