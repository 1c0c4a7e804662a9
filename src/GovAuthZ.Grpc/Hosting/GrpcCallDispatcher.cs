using GovAuthZ.Grpc.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace GovAuthZ.Grpc.Hosting;

/// <summary>
/// Serves one gRPC call on an HTTP/2 request: validates the call definition, reads the single request
/// message, runs the handler under the call's deadline and writes the response (one message for a unary
/// method, a stream for a server-streaming one, see the other part of this class).
/// </summary>
internal sealed partial class GrpcCallDispatcher
{
    // CancelAfter accepts at most uint.MaxValue - 1 ms (about 49 days); longer deadlines never fire in practice.
    private static readonly TimeSpan LongestTimer = TimeSpan.FromMilliseconds(uint.MaxValue - 1.0);

    private readonly GrpcServiceRegistry _registry;
    private readonly GrpcHostOptions _options;
    private readonly ILogger _logger;

    public GrpcCallDispatcher(GrpcServiceRegistry registry, GrpcHostOptions options, ILogger logger)
    {
        _registry = registry;
        _options = options;
        _logger = logger;
    }

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var method = _registry.Find(request.Path.Value);
        var isGrpc = ContentTypes.IsGrpc(request.ContentType);

        // Not a gRPC request and not a gRPC path: leave it to the rest of the application's vocabulary.
        if (method is null && !isGrpc)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        // The spec defines calls only as POST over HTTP/2; other requests get plain HTTP errors because
        // a client that sent them would not read a grpc-status.
        if (!HttpMethods.IsPost(request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = HttpMethods.Post;
            return Task.CompletedTask;
        }

        if (!HttpProtocol.IsHttp2(request.Protocol))
        {
            response.StatusCode = StatusCodes.Status505HttpVersionNotsupported;
            return Task.CompletedTask;
        }

        if (!isGrpc)
        {
            response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return Task.CompletedTask;
        }

        if (method is null)
        {
            return Reject(context, request.Path.Value ?? string.Empty, StatusCode.Unimplemented, "method '" + request.Path.Value + "' is not implemented");
        }

        return ServeAsync(context, method);
    }

    private async Task ServeAsync(HttpContext context, GrpcMethod method)
    {
        var headers = context.Request.Headers;
        string? encoding = headers[GrpcResponseWriter.EncodingHeader];
        if (!string.IsNullOrEmpty(encoding) && !IsAcceptedEncoding(encoding))
        {
            context.Response.Headers[GrpcResponseWriter.AcceptEncodingHeader] = MessageCompression.AcceptEncoding;
            await Reject(context, method.Path, StatusCode.Unimplemented, "message encoding '" + encoding + "' is not supported; use gzip or identity").ConfigureAwait(false);
            return;
        }

        string? timeoutText = headers[GrpcResponseWriter.TimeoutHeader];
        var timeout = TimeSpan.Zero;
        if (timeoutText is not null && !GrpcTimeout.TryParse(timeoutText, out timeout))
        {
            await Reject(context, method.Path, StatusCode.Internal, "malformed grpc-timeout '" + timeoutText + "'").ConfigureAwait(false);
            return;
        }

        DisableKestrelBodyLimit(context);
        using var deadline = timeoutText is null ? null : StartDeadline(timeout, context.RequestAborted);
        var callContext = new GrpcCallContext(method.Path, deadline is null ? null : DeadlineAt(timeout),
            headers, deadline?.Token ?? context.RequestAborted);
        var run = method is ServerStreamingMethod streaming
            ? RunServerStreamingAsync(context, streaming, encoding, callContext)
            : RunUnaryAsync(context, (UnaryMethod)method, encoding, callContext);
        await run.ConfigureAwait(false);
    }

    private async Task RunUnaryAsync(HttpContext context, UnaryMethod method, string? encoding, GrpcCallContext call)
    {
        GrpcResult result;
        try
        {
            var (message, error) = await RequestMessageReader.ReadAsync(context.Request.BodyReader, encoding, _options.MaxReceiveMessageSize, call.CancellationToken).ConfigureAwait(false);
            if (error.IsError)
            {
                await Reject(context, method.Path, error.Code, error.Message).ConfigureAwait(false);
                return;
            }

            var pending = method.Handler(message, call);

            // A handler that ignores its token must not hold the call past its deadline.
            result = pending.IsCompleted || !call.CancellationToken.CanBeCanceled
                ? await pending.ConfigureAwait(false)
                : await pending.AsTask().WaitAsync(call.CancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (call.CancellationToken.IsCancellationRequested)
        {
            await EndCancelledAsync(context, method.Path).ConfigureAwait(false);
            return;
        }
#pragma warning disable CA1031 // Any handler failure must become INTERNAL, never a torn stream or leaked text.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            GrpcLog.HandlerFailed(_logger, method.Path, exception);
            await Reject(context, method.Path, StatusCode.Internal, "internal error").ConfigureAwait(false);
            return;
        }

        if (result.Status == StatusCode.OK)
        {
            GrpcResponseWriter.WriteMessage(context.Response, result);
        }
        else
        {
            await Reject(context, method.Path, result.Status, result.Detail).ConfigureAwait(false);
        }
    }

    // Client reset: nothing can reach the client any more, so the call just stops. Deadline: the client
    // may still be listening, so it is told DEADLINE_EXCEEDED.
    private Task EndCancelledAsync(HttpContext context, string path)
    {
        if (context.RequestAborted.IsCancellationRequested)
        {
            GrpcLog.CallCancelled(_logger, path);
            return Task.CompletedTask;
        }

        return Reject(context, path, StatusCode.DeadlineExceeded, "deadline exceeded");
    }

    private Task Reject(HttpContext context, string path, StatusCode status, string? detail)
    {
        GrpcLog.CallRejected(_logger, path, status, detail);
        GrpcResponseWriter.WriteTrailersOnly(context.Response, status, detail);
        return Task.CompletedTask;
    }

    private static bool IsAcceptedEncoding(string encoding) =>
        string.Equals(encoding, MessageCompression.Gzip, StringComparison.OrdinalIgnoreCase)
        || string.Equals(encoding, MessageCompression.Identity, StringComparison.OrdinalIgnoreCase);

    private static CancellationTokenSource StartDeadline(TimeSpan timeout, CancellationToken requestAborted)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        if (timeout <= LongestTimer)
        {
            source.CancelAfter(timeout);
        }

        return source;
    }

    private static DateTime DeadlineAt(TimeSpan timeout)
    {
        var now = DateTime.UtcNow;
        return timeout >= DateTime.MaxValue - now ? DateTime.MaxValue : now + timeout;
    }

    // The framing reader bounds what a unary call buffers (one message, then at most one read of extra
    // bytes), so Kestrel's whole-body limit would only turn large-but-allowed messages into torn streams.
    private void DisableKestrelBodyLimit(HttpContext context)
    {
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false } && feature.MaxRequestBodySize < _options.MaxReceiveMessageSize + (long)MessageFraming.HeaderSize)
        {
            feature.MaxRequestBodySize = null;
        }
    }
}
