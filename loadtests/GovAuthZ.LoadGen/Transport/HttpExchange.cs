using System.Globalization;
using System.Net;
using System.Text;

namespace GovAuthZ.LoadGen.Transport;

/// <summary>
/// One HTTP request and its whole response, read into the caller's reused buffer. Success is HTTP 200
/// with a body that fits the buffer; any other status is a failure quoting the start of the body (the
/// problem details or OAuth error), so a run's error summary says what the server objected to.
/// </summary>
internal static class HttpExchange
{
    private const int QuotedBodyLength = 200;

    public static async ValueTask<CallOutcome> SendAsync(HttpMessageInvoker client, HttpRequestMessage request, ResponseBuffer buffer, CancellationToken cancellationToken)
    {
        using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!await buffer.FillAsync(response.Content, cancellationToken).ConfigureAwait(false))
        {
            return CallOutcome.Failure("response body over " + ResponseBuffer.MaxBodyLength.ToString(CultureInfo.InvariantCulture) + " bytes");
        }

        if (response.StatusCode != HttpStatusCode.OK)
        {
            var quoted = Encoding.UTF8.GetString(buffer.Span[..Math.Min(buffer.Length, QuotedBodyLength)]);
            return CallOutcome.Failure("HTTP " + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture) + ": " + quoted);
        }

        return CallOutcome.Success;
    }
}
