using System.Text.Json;
using Google.Protobuf;
using GovAuthZ.Contracts.Decision.V1;

namespace GovAuthZ.Contracts.Tests.Decision;

// REST serves the same messages as gRPC in the proto3 JSON mapping (design section 7.6), so both encodings
// must carry every field unchanged.
public sealed class CheckRequestSerializationTests
{
    [Fact]
    public void ParseFrom_WhenBinaryOfFullRequest_EqualsOriginal()
    {
        var original = SampleMessages.OfficialRequest();

        var parsed = CheckRequest.Parser.ParseFrom(original.ToByteArray());

        Assert.Equal(original, parsed);
        Assert.Equal("320100", parsed.Principal.Official.Region);
    }

    [Fact]
    public void ParseFrom_WhenBinaryOfAttributeResource_KeepsMapEntries()
    {
        var original = SampleMessages.AttributeResourceRequest();

        var parsed = CheckRequest.Parser.ParseFrom(original.ToByteArray());

        Assert.Equal(original, parsed);
        Assert.Equal("core", parsed.Resource.Attributes.Values["grade"]);
    }

    [Fact]
    public void Parse_WhenJsonOfFullRequest_EqualsOriginal()
    {
        var original = SampleMessages.OfficialRequest();

        var parsed = JsonParser.Default.Parse<CheckRequest>(JsonFormatter.Default.Format(original));

        Assert.Equal(original, parsed);
    }

    [Fact]
    public void Parse_WhenJsonOfAttributeResource_EqualsOriginal()
    {
        var original = SampleMessages.AttributeResourceRequest();

        var parsed = JsonParser.Default.Parse<CheckRequest>(JsonFormatter.Default.Format(original));

        Assert.Equal(original, parsed);
    }

    [Fact]
    public void Format_WhenFullRequest_UsesLowerCamelCaseNames()
    {
        using var json = JsonDocument.Parse(JsonFormatter.Default.Format(SampleMessages.OfficialRequest()));
        var root = json.RootElement;

        Assert.Equal("c-42", root.GetProperty("citizenId").GetString());
        Assert.Equal("rev-17.consent-9", root.GetProperty("consistencyToken").GetString());
        Assert.Equal("relief-portal", root.GetProperty("principal").GetProperty("actingApp").GetString());
        Assert.Equal("household-income", root.GetProperty("resource").GetProperty("datasetId").GetString());
        Assert.False(root.TryGetProperty("citizen_id", out _));
    }

    [Fact]
    public void Format_WhenEnumsSet_WritesEnumValueNames()
    {
        using var json = JsonDocument.Parse(JsonFormatter.Default.Format(SampleMessages.OfficialRequest()));
        var official = json.RootElement.GetProperty("principal").GetProperty("official");

        Assert.Equal("ADMINISTRATIVE_LEVEL_MUNICIPAL", official.GetProperty("level").GetString());
        Assert.Equal("DATA_GRADE_IMPORTANT", official.GetProperty("clearance").GetString());
    }

    [Fact]
    public void Parse_WhenJsonHasUnknownField_Throws()
    {
        const string Json = """{"action":"read","notAField":1}""";

        Assert.Throws<InvalidProtocolBufferException>(() => JsonParser.Default.Parse<CheckRequest>(Json));
    }

    [Fact]
    public void Parse_WhenUnknownFieldsIgnored_ReadsKnownFields()
    {
        const string Json = """{"action":"read","notAField":{"nested":[1,2]},"citizenId":"c-42"}""";
        var parser = new JsonParser(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

        var parsed = parser.Parse<CheckRequest>(Json);

        Assert.Equal("read", parsed.Action);
        Assert.Equal("c-42", parsed.CitizenId);
    }
}
