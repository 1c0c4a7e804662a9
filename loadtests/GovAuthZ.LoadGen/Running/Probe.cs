using Google.Protobuf;
using GovAuthZ.Contracts.Decision.V1;
using GovAuthZ.LoadGen.Transport;

namespace GovAuthZ.LoadGen.Running;

/// <summary>What the server answered to every distinct request, once, before the load starts.</summary>
internal sealed record ProbeSummary(string Name, int Requests, int Allowed, int Denied, long PolicyRevision, IReadOnlyList<string> Errors);

/// <summary>
/// Sends each distinct request once and decodes the answers, so a run that would only measure errors
/// (wrong port, unknown dataset, policies not loaded) stops before it starts, and the report can say how
/// many of the requests are allows.
/// </summary>
internal static class Probe
{
    public static async Task<ProbeSummary> RunAsync(ICaller caller, Func<ReadOnlyMemory<byte>, CheckResponse>? decodeCheck, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var errors = new List<string>();
        int allowed = 0, denied = 0;
        long revision = 0;
        for (var i = 0; i < caller.VariantCount; i++)
        {
            var outcome = await caller.CallAsync(cancellationToken).ConfigureAwait(false);
            if (outcome.Error is { } error)
            {
                errors.Add(error);
                continue;
            }

            if (decodeCheck is null)
            {
                continue;
            }

            try
            {
                var response = decodeCheck(caller.LastMessage);
                _ = response.Allowed ? allowed++ : denied++;
                revision = response.PolicyRevision;
            }
            catch (Exception malformed) when (malformed is InvalidProtocolBufferException or InvalidJsonException)
            {
                errors.Add("the response is not a CheckResponse: " + malformed.Message);
            }
        }

        return new ProbeSummary(caller.Name, caller.VariantCount, allowed, denied, revision, errors);
    }
}
