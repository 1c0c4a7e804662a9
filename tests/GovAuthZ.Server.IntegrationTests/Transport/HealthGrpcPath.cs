namespace GovAuthZ.Server.IntegrationTests.Transport;

internal static class HealthGrpcPath
{
    public const string Check = "/grpc.health.v1.Health/Check";
    public const string Watch = "/grpc.health.v1.Health/Watch";
}
