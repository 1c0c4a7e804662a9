namespace GovAuthZ.LoadGen.Running;

/// <summary>
/// The load generator's own garbage collections over a run (warm-up included): a client pause lands in
/// the latencies like a server one, so the report says how many there were.
/// </summary>
internal readonly record struct ClientGc(int Gen0, int Gen1, int Gen2, TimeSpan Paused)
{
    public static ClientGc Now() => new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());

    public ClientGc Since(ClientGc start) => new(Gen0 - start.Gen0, Gen1 - start.Gen1, Gen2 - start.Gen2, Paused - start.Paused);
}
