namespace GovAuthZ.Grpc.Protocol;

/// <summary>
/// Why a message could not be read, as the status the call must end with. The default value means
/// "no error", so the success path allocates nothing.
/// </summary>
internal readonly struct FramingError
{
    public FramingError(StatusCode code, string message)
    {
        Code = code;
        Message = message;
    }

    public StatusCode Code { get; }

    public string? Message { get; }

    public bool IsError => Code != StatusCode.OK;
}
