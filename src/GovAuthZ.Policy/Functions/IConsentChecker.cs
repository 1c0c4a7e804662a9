namespace GovAuthZ.Policy.Functions;

/// <summary>
/// The seam through which matchers ask about citizen consent: <c>consent(citizen, recipient, purpose,
/// dataset)</c>. The consent store implements it; the engine knows nothing of how consent is kept.
/// Implementations must be thread-safe and must not block for long: they run on the decision path.
/// </summary>
public interface IConsentChecker
{
    /// <summary>Whether an active consent covers this use of the citizen's data right now.</summary>
    bool HasConsent(string citizen, string recipient, string purpose, string dataset);
}
