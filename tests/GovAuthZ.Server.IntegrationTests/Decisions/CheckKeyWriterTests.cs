using GovAuthZ.Caching;
using GovAuthZ.Contracts.Decision.V1;
using GovAuthZ.Server.Decisions;

namespace GovAuthZ.Server.IntegrationTests.Decisions;

/// <summary>The canonical key: equal questions share a key, any difference that matters separates them.</summary>
public sealed class CheckKeyWriterTests
{
    public static TheoryData<string> Mutations => [.. Mutators.Keys];

    private static readonly Dictionary<string, Action<CheckRequest>> Mutators = new(StringComparer.Ordinal)
    {
        ["official.id"] = r => r.Principal.Official.Id += "x",
        ["official.department"] = r => r.Principal.Official.Department += "x",
        ["official.level"] = r => r.Principal.Official.Level = AdministrativeLevel.County,
        ["official.region"] = r => r.Principal.Official.Region = "320101",
        ["official.clearance"] = r => r.Principal.Official.Clearance = DataGrade.Core,
        ["principal.form"] = r => r.Principal.App = new App { ClientId = r.Principal.Official.Id },
        ["acting_app"] = r => r.Principal.ActingApp = "app:portal",
        ["resource.dataset"] = r => r.Resource.DatasetId += "x",
        ["resource.form"] = r => r.Resource.Attributes = new ResourceAttributes { Values = { ["id"] = r.Resource.DatasetId } },
        ["action"] = r => r.Action = "export",
        ["purpose"] = r => r.Purpose += "x",
        ["citizen_id"] = r => r.CitizenId = "citizen:1",
    };

    [Theory]
    [MemberData(nameof(Mutations))]
    public void Write_WhenOneFieldChanges_KeyChanges(string field)
    {
        var request = Base();
        var before = Key(request);

        Mutators[field](request);

        Assert.NotEqual(before, Key(request));
    }

    [Fact]
    public void Write_WhenEachFieldChangesInTurn_EveryKeyIsDistinct()
    {
        var keys = new HashSet<string>(StringComparer.Ordinal) { Convert.ToHexString(Key(Base())) };
        foreach (var mutate in Mutators.Values)
        {
            var request = Base();
            mutate(request);
            Assert.True(keys.Add(Convert.ToHexString(Key(request))));
        }
    }

    [Fact]
    public void Write_WhenAttributesInsertedInAnotherOrder_KeyIsTheSame()
    {
        var forward = WithAttributes(("owner", "hrss_js"), ("grade", "important"), ("region", "320100"));
        var backward = WithAttributes(("region", "320100"), ("grade", "important"), ("owner", "hrss_js"));

        Assert.Equal(Key(forward), Key(backward));
    }

    [Fact]
    public void Write_WhenAttributeValueMovesToAnotherName_KeyChanges()
    {
        var first = WithAttributes(("a", "x"), ("b", "y"));
        var swapped = WithAttributes(("a", "y"), ("b", "x"));

        Assert.NotEqual(Key(first), Key(swapped));
    }

    [Fact]
    public void Write_WhenBoundaryBetweenAdjacentFieldsMoves_KeyChanges()
    {
        var first = Base();
        first.Principal.Official.Id = "ab";
        first.Principal.Official.Department = "c";
        var second = Base();
        second.Principal.Official.Id = "a";
        second.Principal.Official.Department = "bc";

        Assert.NotEqual(Key(first), Key(second));
        Assert.NotEqual(Key(WithAttributes(("ab", "c"))), Key(WithAttributes(("a", "bc"))));
    }

    [Fact]
    public void Write_WhenOnlyRolesOrConsistencyTokenDiffer_KeyIsTheSame()
    {
        // Roles come from g rows, never from the request; freshness is the entry stamp's job.
        var request = Base();
        var before = Key(request);

        request.Principal.Official.Roles.Add("role:director");
        request.ConsistencyToken = "token-1";

        Assert.Equal(before, Key(request));
    }

    [Fact]
    public void Write_WhenStringHasUnpairedSurrogate_ReportsInvalid()
    {
        var request = Base();
        request.CitizenId = "citizen" + (char)0xD800;
        Span<byte> scratch = stackalloc byte[CheckKeyWriter.StackBytes];

        Assert.Equal(CacheKeyStatus.Invalid, CheckKeyWriter.Write(request, scratch, out _));
    }

    [Fact]
    public void Write_WhenScratchTooSmall_ReportsTooLong()
    {
        Span<byte> scratch = stackalloc byte[16];

        Assert.Equal(CacheKeyStatus.TooLong, CheckKeyWriter.Write(Base(), scratch, out _));
    }

    [Fact]
    public void Write_WhenWarm_AllocatesNothingForEitherResourceForm()
    {
        var dataset = Base();
        var attributes = WithAttributes(("owner", "hrss_js"), ("grade", "important"), ("region", "320100"));
        var total = WriteMany(dataset, attributes, 100);

        var before = GC.GetAllocatedBytesForCurrentThread();
        total += WriteMany(dataset, attributes, 1_000);
        var bytes = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(total > 0);
        Assert.Equal(0, bytes);
    }

    private static long WriteMany(CheckRequest dataset, CheckRequest attributes, int rounds)
    {
        Span<byte> scratch = stackalloc byte[CheckKeyWriter.StackBytes];
        long total = 0;
        for (var i = 0; i < rounds; i++)
        {
            // Plain comparisons: the assertion helpers allocate, which would hide what the writer does.
            total += CheckKeyWriter.Write(dataset, scratch, out var length) == CacheKeyStatus.Complete ? length : -1_000_000;
            total += CheckKeyWriter.Write(attributes, scratch, out length) == CacheKeyStatus.Complete ? length : -1_000_000;
        }

        return total;
    }

    private static CheckRequest Base() => DecisionHarness.Parse(DecisionClient.AllowedCheck);

    private static CheckRequest WithAttributes(params (string Name, string Value)[] pairs)
    {
        var request = Base();
        request.Resource = new Resource { Attributes = new ResourceAttributes() };
        foreach (var (name, value) in pairs)
        {
            request.Resource.Attributes.Values.Add(name, value);
        }

        return request;
    }

    private static byte[] Key(CheckRequest request)
    {
        Span<byte> scratch = stackalloc byte[CheckKeyWriter.StackBytes];
        Assert.Equal(CacheKeyStatus.Complete, CheckKeyWriter.Write(request, scratch, out var length));
        return scratch[..length].ToArray();
    }
}
