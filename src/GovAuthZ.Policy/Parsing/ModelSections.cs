namespace GovAuthZ.Policy.Parsing;

/// <summary>
/// The section names a Casbin model may use, and the key letter each one's definitions start with
/// (r in [request_definition], p in [policy_definition] and so on).
/// </summary>
internal static class ModelSections
{
    public const string Request = "request_definition";
    public const string Policy = "policy_definition";
    public const string Role = "role_definition";
    public const string Effect = "policy_effect";
    public const string Matchers = "matchers";

    /// <summary>Sections every model needs; [role_definition] is optional, as in Casbin.</summary>
    public static readonly string[] Required = [Request, Policy, Effect, Matchers];

    public static bool IsKnown(string name) => TryGetLetter(name, out _);

    public static char LetterOf(string name) =>
        TryGetLetter(name, out var letter) ? letter : throw new ArgumentOutOfRangeException(nameof(name), name, null);

    public static bool TryGetLetter(string name, out char letter)
    {
        letter = name switch
        {
            Request => 'r',
            Policy => 'p',
            Role => 'g',
            Effect => 'e',
            Matchers => 'm',
            _ => '\0',
        };
        return letter != '\0';
    }
}
