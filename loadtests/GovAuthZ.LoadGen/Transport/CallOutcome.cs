namespace GovAuthZ.LoadGen.Transport;

/// <summary>
/// How one call ended. A success carries nothing, so the measured loop allocates nothing for it; a
/// failure carries a short description that the error tally groups by.
/// </summary>
internal readonly record struct CallOutcome(string? Error)
{
    public static CallOutcome Success => default;

    public bool IsSuccess => Error is null;

    public static CallOutcome Failure(string error) => new(error);
}
