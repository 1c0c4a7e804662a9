using GovAuthZ.LoadGen.Transport;

namespace GovAuthZ.LoadGen.Tests.Running;

/// <summary>Answers at once; every <c>failEvery</c>-th call (1-based) fails, 0 = never.</summary>
internal sealed class FakeCaller(string name, int failEvery = 0) : ICaller
{
    public const string FailureText = "grpc-status 14 UNAVAILABLE: fake";

    public string Name { get; } = name;

    public int VariantCount => 1;

    public ReadOnlyMemory<byte> LastMessage => ReadOnlyMemory<byte>.Empty;

    public int Calls { get; private set; }

    public void Dispose()
    {
        // Nothing to release.
    }

    public ValueTask<CallOutcome> CallAsync(CancellationToken cancellationToken)
    {
        Calls++;
        var fail = failEvery > 0 && Calls % failEvery == 0;
        return ValueTask.FromResult(fail ? CallOutcome.Failure(FailureText) : CallOutcome.Success);
    }
}
