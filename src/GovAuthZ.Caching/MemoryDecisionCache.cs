using System.Diagnostics.CodeAnalysis;
using System.IO.Hashing;
using System.Numerics;
using System.Security.Cryptography;

namespace GovAuthZ.Caching;

/// <summary>
/// The in-process (L1) decision cache: a fixed table of slots grouped into sets of up to eight, with
/// CLOCK eviction inside each set.
/// <para>
/// Why this shape. A key hashes to one set and can live in any of its slots (set-associative, as in CPU
/// caches). Reads take no lock: each slot holds a reference to an immutable <see cref="Entry"/>, written
/// with a release store, so a reader sees a whole entry or none, and a hit only sets the entry's
/// reference bit. The bound is structural: the table never has more slots than the capacity, so no
/// interleaving of writers can overshoot it and nothing has to trim afterwards. Eviction is CLOCK over the
/// set: a hit costs one plain store (no shared LRU list to relink under a lock, no timestamp written on
/// every read as sampled LRU needs), and an entry not read since the hand last passed goes first, so keys
/// seen once do not push out keys in steady use. The price is conflict misses when one set is busier
/// than the rest; eight ways keep that small, and the per-process random hash seed keeps callers from
/// aiming many keys at one set (which could only churn that set anyway). Each slot's hash is also kept
/// in a flat array beside the slots, so a lookup scans one cache line of hashes and dereferences only the
/// entry whose hash matches; that entry's own hash and full key bytes are still compared, so a hash array
/// that is momentarily out of step with its slot (a write in progress) can cost a miss, never a wrong hit.
/// </para>
/// <para>
/// Writers lock one stripe (a lock shared by every 1/stripes of the sets), so a key is in at most one
/// slot of its set and two writers never pick the same victim. Writes happen on misses only.
/// </para>
/// </summary>
internal sealed class MemoryDecisionCache<TValue> : IDecisionCache<TValue>
    where TValue : class
{
    private const int MaxWays = 8;
    private const int MaxStripes = 256;

    // Seeds the key hash once per process, so which keys share a set cannot be worked out offline.
    private static readonly long Seed = BitConverter.ToInt64(RandomNumberGenerator.GetBytes(sizeof(long)));

    private readonly Entry?[] _slots;
    private readonly int[] _hashes;
    private readonly byte[] _hands;
    private readonly Lock[] _stripes;
    private readonly int _ways;
    private readonly int _sets;
    private readonly int _maxKeyBytes;
    private readonly IDependencyVersions? _dependencies;
    private readonly KeyHasher? _hasher;
    private int _count;

    public MemoryDecisionCache(int capacity, int maxKeyBytes, IDependencyVersions? dependencies)
        : this(capacity, maxKeyBytes, dependencies, null)
    {
    }

    /// <param name="hasher">Replaces the key hash; lets tests force collisions. Null for the real hash.</param>
    internal MemoryDecisionCache(int capacity, int maxKeyBytes, IDependencyVersions? dependencies, KeyHasher? hasher)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxKeyBytes, 1);
        _ways = Math.Min(MaxWays, capacity);
        _sets = capacity / _ways;
        _slots = new Entry?[_sets * _ways];
        _hashes = new int[_slots.Length];
        _hands = new byte[_sets];
        _stripes = new Lock[Math.Min(MaxStripes, (int)BitOperations.RoundUpToPowerOf2((uint)_sets))];
        for (var i = 0; i < _stripes.Length; i++)
        {
            _stripes[i] = new Lock();
        }

        _maxKeyBytes = maxKeyBytes;
        _dependencies = dependencies;
        _hasher = hasher;
    }

    /// <summary>Slots in the table: the capacity rounded down to whole sets, never above it.</summary>
    public int SlotCount => _slots.Length;

    public bool IsEnabled => true;

    public int MaxKeyBytes => _maxKeyBytes;

    public int Count => Volatile.Read(ref _count);

    public bool TryGet(ReadOnlySpan<byte> key, long revision, [MaybeNullWhen(false)] out TValue value)
    {
        if (key.Length <= _maxKeyBytes)
        {
            var full = Hash(key);
            var hash = (int)full;
            var first = SetOf(full) * _ways;
            for (var i = first; i < first + _ways; i++)
            {
                if (Volatile.Read(ref _hashes[i]) != hash)
                {
                    continue;
                }

                var entry = Volatile.Read(ref _slots[i]);
                if (entry is null || entry.Hash != hash || !key.SequenceEqual(entry.Key))
                {
                    continue;
                }

                // Writers keep one slot per key, so the first match is the only one.
                if (IsCurrent(entry, revision))
                {
                    entry.MarkReferenced();
                    value = entry.Value;
                    return true;
                }

                break;
            }
        }

        value = null;
        return false;
    }

    public void Store(ReadOnlySpan<byte> key, in VersionStamp stamp, TValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (key.Length > _maxKeyBytes)
        {
            return;
        }

        var full = Hash(key);
        var set = SetOf(full);
        var entry = new Entry(key.ToArray(), (int)full, stamp, value);
        lock (_stripes[set & (_stripes.Length - 1)])
        {
            var slot = ChooseSlot(set, entry, out var wasEmpty);
            if (wasEmpty)
            {
                Interlocked.Increment(ref _count);
            }

            Volatile.Write(ref _slots[slot], entry);
            Volatile.Write(ref _hashes[slot], entry.Hash);
        }
    }

    /// <summary>Non-empty slots, counted by scanning; for tests that check the bound independently of <see cref="Count"/>.</summary>
    internal int CountOccupiedSlots()
    {
        var occupied = 0;
        for (var i = 0; i < _slots.Length; i++)
        {
            occupied += Volatile.Read(ref _slots[i]) is null ? 0 : 1;
        }

        return occupied;
    }

    // Caller holds the set's stripe lock. Preference: the key's own slot (replace), an empty slot, a slot
    // whose entry was computed under an older revision (it can never hit again), then the CLOCK victim.
    private int ChooseSlot(int set, Entry incoming, out bool wasEmpty)
    {
        var first = set * _ways;
        int empty = -1, stale = -1;
        for (var i = first; i < first + _ways; i++)
        {
            var entry = _slots[i];
            if (entry is null)
            {
                empty = empty < 0 ? i : empty;
            }
            else if (entry.Hash == incoming.Hash && entry.Key.AsSpan().SequenceEqual(incoming.Key))
            {
                wasEmpty = false;
                return i;
            }
            else if (stale < 0 && entry.Stamp.Revision < incoming.Stamp.Revision)
            {
                stale = i;
            }
        }

        wasEmpty = empty >= 0;
        return wasEmpty ? empty : stale >= 0 ? stale : first + ClockVictim(set, first);
    }

    // Caller holds the stripe lock. Two turns always suffice: the first clears every reference bit it
    // passes; a bit set again by a concurrent reader only delays the victim, so stop after two turns.
    private int ClockVictim(int set, int first)
    {
        int hand = _hands[set];
        for (var step = 0; step < 2 * _ways; step++)
        {
            var entry = _slots[first + hand];
            var next = hand + 1 == _ways ? 0 : hand + 1;
            if (entry is null || !entry.ClearReferenced())
            {
                _hands[set] = (byte)next;
                return hand;
            }

            hand = next;
        }

        _hands[set] = (byte)(hand + 1 == _ways ? 0 : hand + 1);
        return hand;
    }

    private bool IsCurrent(Entry entry, long revision)
    {
        if (entry.Stamp.Revision != revision)
        {
            return false;
        }

        var dependencies = entry.Stamp.Dependencies.Span;
        if (dependencies.IsEmpty)
        {
            return true;
        }

        if (_dependencies is null)
        {
            return false;
        }

        foreach (ref readonly var dependency in dependencies)
        {
            if (!_dependencies.IsCurrent(in dependency))
            {
                return false;
            }
        }

        return true;
    }

    // The high half picks the set, the low half is the hash kept per slot: independent bits, so slots
    // of one set rarely share a kept hash.
    private ulong Hash(ReadOnlySpan<byte> key) => _hasher is null ? XxHash3.HashToUInt64(key, Seed) : _hasher(key);

    // Maps the high 32 bits onto [0, sets) by multiply-shift: uniform for a uniform hash, no modulo.
    private int SetOf(ulong hash) => (int)(((hash >> 32) * (ulong)(uint)_sets) >> 32);

    /// <summary>One cached value. Immutable apart from the reference bit, which readers set and the CLOCK hand clears.</summary>
    private sealed class Entry(byte[] key, int hash, VersionStamp stamp, TValue value)
    {
        private int _referenced;

        public byte[] Key { get; } = key;

        public int Hash { get; } = hash;

        public VersionStamp Stamp { get; } = stamp;

        public TValue Value { get; } = value;

        // Read before writing so that hot entries, already marked, cost readers no store (and no cache line
        // bouncing between cores). A lost race only means one more turn of the hand before eviction.
        public void MarkReferenced()
        {
            if (Volatile.Read(ref _referenced) == 0)
            {
                Volatile.Write(ref _referenced, 1);
            }
        }

        /// <summary>Clears the bit; true when it was set (the entry gets a second chance).</summary>
        public bool ClearReferenced()
        {
            if (Volatile.Read(ref _referenced) == 0)
            {
                return false;
            }

            Volatile.Write(ref _referenced, 0);
            return true;
        }
    }
}

/// <summary>Hashes a key; the seam tests use to make different keys collide.</summary>
internal delegate ulong KeyHasher(ReadOnlySpan<byte> key);
