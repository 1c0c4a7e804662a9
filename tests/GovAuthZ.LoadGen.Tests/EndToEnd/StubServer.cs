using System.Buffers.Binary;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GovAuthZ.LoadGen.Tests.EndToEnd;

/// <summary>
/// Real Kestrel servers on loopback: one HTTP/2-only (h2c, as gRPC clients must use prior knowledge to
/// reach it) whose methods each end a unary call one way, and one HTTP/1.1-only for REST. Written here by
/// hand, sharing no code with the server, so the client is checked against the wire, not against itself.
/// </summary>
public sealed class StubServer : IAsyncLifetime
{
    public const string Echo = "/stub.v1.Stub/Echo";
    public const string Denied = "/stub.v1.Stub/Denied";
    public const string TrailersOnly = "/stub.v1.Stub/TrailersOnly";
    public const string NoStatus = "/stub.v1.Stub/NoStatus";
    public const string TwoMessages = "/stub.v1.Stub/TwoMessages";
    public const string NotGrpc = "/stub.v1.Stub/NotGrpc";
    public const string Hang = "/stub.v1.Stub/Hang";
    public const string TokenPath = "/oauth/token";
    public const string TokenWithoutAccessToken = "/oauth/token-empty";
    public const string DeniedDetail = "数据 denied: no agreement";

    private WebApplication? _grpc;
    private WebApplication? _rest;

    public Uri GrpcBase { get; private set; } = null!;

    public Uri RestBase { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        (_grpc, GrpcBase) = await StartAsync(HttpProtocols.Http2, MapGrpc);
        (_rest, RestBase) = await StartAsync(HttpProtocols.Http1, MapRest);
    }

    public async Task DisposeAsync()
    {
        if (_grpc is not null)
        {
            await _grpc.DisposeAsync();
        }

        if (_rest is not null)
        {
            await _rest.DisposeAsync();
        }
    }

    private static async Task<(WebApplication App, Uri Base)> StartAsync(HttpProtocols protocols, Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = protocols));
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return (app, new Uri(address));
    }

    private static void MapGrpc(WebApplication app)
    {
        app.MapPost(Echo, static async context =>
        {
            var body = await ReadAllAsync(context.Request);
            await Reply(context, body);
            context.Response.AppendTrailer("grpc-status", "0");
        });
        app.MapPost(Denied, static async context =>
        {
            await ReadAllAsync(context.Request);
            Start(context);
            await context.Response.StartAsync();
            context.Response.AppendTrailer("grpc-status", "7");
            context.Response.AppendTrailer("grpc-message", Uri.EscapeDataString(DeniedDetail));
        });
        app.MapPost(TrailersOnly, static context =>
        {
            Start(context);
            context.Response.Headers["grpc-status"] = "5";
            context.Response.Headers["grpc-message"] = "no such thing";
            return Task.CompletedTask;
        });
        app.MapPost(NoStatus, static async context => await Reply(context, Frame([1, 2])));
        app.MapPost(TwoMessages, static async context =>
        {
            await Reply(context, [.. Frame([1]), .. Frame([2])]);
            context.Response.AppendTrailer("grpc-status", "0");
        });
        app.MapPost(Hang, static async context =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client gave up, as the test wants.
            }
        });
        app.MapPost(NotGrpc, static context =>
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return Task.CompletedTask;
        });
    }

    private static void MapRest(WebApplication app)
    {
        app.MapGet("/healthz", static () => Results.Text("{\"status\":\"alive\"}", "application/json"));
        app.MapPost("/v1/check", static async (HttpRequest request) =>
        {
            var body = await ReadAllAsync(request);
            return body.Length > 0
                ? Results.Text("{\"allowed\":true,\"policyRevision\":\"3\"}", "application/json")
                : Results.Problem(detail: "GAZ2001 empty body", statusCode: StatusCodes.Status400BadRequest);
        });
        app.MapPost(TokenPath, static async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            var authorized = string.Equals(request.Headers.Authorization, "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("app+1:s%3Acret")), StringComparison.Ordinal);
            return authorized && form["grant_type"] == "client_credentials" && form["scope"] == "a b"
                ? Results.Text("{\"token_type\":\"Bearer\",\"access_token\":\"eyJ.x.y\",\"expires_in\":300}", "application/json")
                : Results.Text("{\"error\":\"invalid_client\"}", "application/json", statusCode: StatusCodes.Status401Unauthorized);
        });
        app.MapPost(TokenWithoutAccessToken, static () => Results.Text("{\"token_type\":\"Bearer\",\"note\":{\"access_token\":\"nested\"}}", "application/json"));
        app.MapPost("/v1/fail", static () => Results.Problem(detail: "GAZ2003 unknown dataset 'ds_x'", statusCode: StatusCodes.Status400BadRequest));
    }

    private static void Start(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/grpc";
    }

    private static async Task Reply(HttpContext context, byte[] body)
    {
        Start(context);
        await context.Response.Body.WriteAsync(body);
    }

    private static byte[] Frame(byte[] message)
    {
        var frame = new byte[5 + message.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)message.Length);
        message.CopyTo(frame, 5);
        return frame;
    }

    private static async Task<byte[]> ReadAllAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}
