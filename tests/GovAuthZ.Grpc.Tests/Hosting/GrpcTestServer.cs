using System.Net;
using GovAuthZ.Grpc.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace GovAuthZ.Grpc.Tests.Hosting;

/// <summary>A real Kestrel server on a loopback port, HTTP/2 only (h2c with prior knowledge).</summary>
public sealed class GrpcTestServer : IAsyncLifetime
{
    public const int MaxReceiveMessageSize = 1024;

    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        _app = builder.Build();
        _app.MapGrpc(StreamService.AddTo(EchoService.CreateRegistry()), new GrpcHostOptions { MaxReceiveMessageSize = MaxReceiveMessageSize });
        await _app.StartAsync();
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseAddress = new Uri(addresses.Addresses.Single());
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
