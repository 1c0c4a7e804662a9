using System.Globalization;
using GovAuthZ.Core.Errors;

namespace GovAuthZ.Tokens.Authorization;

/// <summary>The prompt and max_age parameters of an authentication request (OIDC Core 3.1.2.1).</summary>
internal readonly record struct InteractionParameters(bool None, bool Login, bool Consent, TimeSpan? MaxAge)
{
    /// <summary>Longest max_age accepted; anything larger is treated as malformed rather than overflowing.</summary>
    private const long MaxAgeLimitSeconds = 10L * 365 * 24 * 3600;

    public static InteractionParameters Parse(string? prompt, string? maxAge, out ErrorCode code)
    {
        code = ErrorCode.None;
        bool none = false, login = false, consent = false;
        if (prompt is not null)
        {
            // A space-delimited, case-sensitive list; an empty value asks for nothing.
            foreach (var value in prompt.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var repeated = value switch
                {
                    "none" => Set(ref none),
                    "login" => Set(ref login),
                    "consent" => Set(ref consent),
                    "select_account" => Fail(ref code, ErrorCode.AuthorizationPromptUnsupported),
                    _ => Fail(ref code, ErrorCode.AuthorizationPromptInvalid),
                };
                if (code != ErrorCode.None || repeated)
                {
                    code = code == ErrorCode.None ? ErrorCode.AuthorizationPromptInvalid : code;
                    return default;
                }
            }

            // OIDC Core 3.1.2.1: none with any other value is an error.
            if (none && (login || consent))
            {
                code = ErrorCode.AuthorizationPromptInvalid;
                return default;
            }
        }

        TimeSpan? age = null;
        if (maxAge is not null)
        {
            if (!long.TryParse(maxAge, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > MaxAgeLimitSeconds)
            {
                code = ErrorCode.AuthorizationMaxAgeInvalid;
                return default;
            }

            age = TimeSpan.FromSeconds(seconds);
        }

        return new InteractionParameters(none, login, consent, age);
    }

    private static bool Set(ref bool flag)
    {
        var was = flag;
        flag = true;
        return was;
    }

    private static bool Fail(ref ErrorCode code, ErrorCode value)
    {
        code = value;
        return false;
    }
}
