namespace GovAuthZ.LoadGen.Transport;

/// <summary>Turns exceptions from the HTTP stack into failure outcomes, so a refused or reset call is counted.</summary>
internal static class TransportFailure
{
    /// <summary>
    /// True for the failures of one call (connection refused or reset, protocol error, per-call timeout);
    /// false when the run itself is being cancelled, which must stop the loop rather than count an error.
    /// </summary>
    public static bool IsTransport(Exception error, CancellationToken runToken) => error switch
    {
        OperationCanceledException => !runToken.IsCancellationRequested,
        HttpRequestException or IOException or InvalidOperationException => true,
        _ => false,
    };

    public static CallOutcome Describe(Exception error) => error switch
    {
        OperationCanceledException => CallOutcome.Failure("timed out (no response within the call timeout)"),
        _ => CallOutcome.Failure("transport: " + Innermost(error).Message),
    };

    private static Exception Innermost(Exception error)
    {
        while (error.InnerException is not null)
        {
            error = error.InnerException;
        }

        return error;
    }
}
