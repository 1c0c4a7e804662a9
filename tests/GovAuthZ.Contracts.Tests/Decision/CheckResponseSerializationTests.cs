using System.Text.Json;
using Google.Protobuf;
using GovAuthZ.Contracts.Decision.V1;

namespace GovAuthZ.Contracts.Tests.Decision;

public sealed class CheckResponseSerializationTests
{
    [Fact]
    public void ParseFrom_WhenBinaryOfFullResponse_EqualsOriginal()
    {
        var original = SampleMessages.Response();

        var parsed = CheckResponse.Parser.ParseFrom(original.ToByteArray());

        Assert.Equal(original, parsed);
    }

    [Fact]
    public void Parse_WhenJsonOfFullResponse_EqualsOriginal()
    {
        var original = SampleMessages.Response();

        var parsed = JsonParser.Default.Parse<CheckResponse>(JsonFormatter.Default.Format(original));

        Assert.Equal(original, parsed);
    }

    [Fact]
    public void Format_WhenResponseHasRetentionAndRevision_UsesProto3JsonForms()
    {
        using var json = JsonDocument.Parse(JsonFormatter.Default.Format(SampleMessages.Response()));
        var root = json.RootElement;

        // proto3 JSON writes int64 as a string and Duration as seconds with an "s" suffix.
        Assert.Equal("17", root.GetProperty("policyRevision").GetString());
        Assert.Equal("2592000s", root.GetProperty("obligations")[1].GetProperty("retention").GetProperty("maxAge").GetString());
        Assert.Equal("MASK_STYLE_PARTIAL", root.GetProperty("obligations")[0].GetProperty("maskFields").GetProperty("style").GetString());
    }

    [Fact]
    public void ParseFrom_WhenBatchOfTwo_KeepsOrder()
    {
        var batch = new CheckBatchRequest { Checks = { SampleMessages.OfficialRequest(), SampleMessages.AttributeResourceRequest() } };

        var parsed = CheckBatchRequest.Parser.ParseFrom(batch.ToByteArray());

        Assert.Equal(2, parsed.Checks.Count);
        Assert.Equal(Resource.KindOneofCase.DatasetId, parsed.Checks[0].Resource.KindCase);
        Assert.Equal(Resource.KindOneofCase.Attributes, parsed.Checks[1].Resource.KindCase);
    }
}
