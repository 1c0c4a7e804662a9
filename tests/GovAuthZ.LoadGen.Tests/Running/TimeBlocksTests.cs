using GovAuthZ.LoadGen.Running;

namespace GovAuthZ.LoadGen.Tests.Running;

public sealed class TimeBlocksTests
{
    [Fact]
    public void Differences_WhenBothScenariosInBlocks_AreSubjectLessBaselinePerBlock()
    {
        var blocks = new TimeBlocks(2, measureStart: 1_000, blockTicks: 100);
        blocks.Record(0, 1_000, 40_000);
        blocks.Record(1, 1_050, 47_000);
        blocks.Record(0, 1_100, 50_000);
        blocks.Record(1, 1_199, 60_000);

        var differences = blocks.Differences(TimeSpan.FromSeconds(2));

        Assert.Equal([7.0, 10.0], differences.P50);
        Assert.Equal([7.0, 10.0], differences.P99);
        Assert.Equal(TimeSpan.FromSeconds(2), differences.BlockLength);
    }

    [Fact]
    public void Record_WhenStartPastTheLastBlock_CountsInTheLastBlock()
    {
        var blocks = new TimeBlocks(2, measureStart: 0, blockTicks: 10);
        blocks.Record(0, 5_000, 1_000);
        blocks.Record(1, 5_000, 3_000);

        var differences = blocks.Differences(TimeSpan.FromSeconds(1));

        Assert.Equal([2.0], differences.P50);
    }

    [Fact]
    public void Differences_WhenABlockLacksOneScenario_SkipsIt()
    {
        var blocks = new TimeBlocks(2, measureStart: 0, blockTicks: 10);
        blocks.Record(0, 0, 1_000);
        blocks.Record(0, 15, 1_000);
        blocks.Record(1, 15, 2_000);

        Assert.Equal([1.0], blocks.Differences(TimeSpan.FromSeconds(1)).P50);
    }

    [Fact]
    public void Add_WhenMerged_CombinesBlockByBlock()
    {
        var first = new TimeBlocks(2, measureStart: 0, blockTicks: 10);
        var second = new TimeBlocks(2, measureStart: 0, blockTicks: 10);
        first.Record(0, 0, 1_000);
        second.Record(1, 0, 4_000);

        first.Add(second);

        Assert.Equal([3.0], first.Differences(TimeSpan.FromSeconds(1)).P50);
    }

    [Theory]
    [InlineData(new double[] { 3, 1, 2 }, 1, 2, 3)]
    [InlineData(new double[] { 4, -1, 2, 3 }, -1, 2, 4)]
    [InlineData(new double[] { 5 }, 5, 5, 5)]
    [InlineData(new double[0], 0, 0, 0)]
    public void Spread_WhenValues_GivesMinLowerMedianMax(double[] values, double min, double median, double max)
    {
        Assert.Equal((min, median, max), BlockDifferences.Spread(values));
    }

    [Fact]
    public void ClientGc_WhenSubtracted_GivesTheDifference()
    {
        var start = new ClientGc(1, 2, 3, TimeSpan.FromMilliseconds(4));
        var end = new ClientGc(11, 12, 13, TimeSpan.FromMilliseconds(14));

        Assert.Equal(new ClientGc(10, 10, 10, TimeSpan.FromMilliseconds(10)), end.Since(start));
    }
}
