using Google.Protobuf;
using GovAuthZ.Contracts.Health.V1;

namespace GovAuthZ.Contracts.Tests.Health;

// Probes written against the published protocol must read our responses, so names and numbers are fixed.
public sealed class HealthMessageTests
{
    [Fact]
    public void Format_WhenServing_WritesProtocolEnumName()
    {
        var response = new HealthCheckResponse { Status = HealthCheckResponse.Types.ServingStatus.Serving };

        Assert.Equal("""{ "status": "SERVING" }""", JsonFormatter.Default.Format(response));
    }

    [Fact]
    public void ToByteArray_WhenNotServing_EncodesFieldOneAsVarintTwo()
    {
        var response = new HealthCheckResponse { Status = HealthCheckResponse.Types.ServingStatus.NotServing };

        // Tag 0x08 = field 1, wire type varint; value 2 = NOT_SERVING in the protocol.
        Assert.Equal(new byte[] { 0x08, 0x02 }, response.ToByteArray());
    }
}
