using GovAuthZ.Tokens.Keys;
using GovAuthZ.Tokens.Storage;
using Microsoft.AspNetCore.DataProtection;

namespace GovAuthZ.Server.Tokens;

/// <summary>
/// Protects signing keys at rest with ASP.NET Core Data Protection (authenticated encryption under a key
/// ring kept in <c>&lt;DataDir&gt;/keys</c>). Unprotect throws on tampered data or an unknown key, which the
/// key ring reports as an unreadable record.
/// </summary>
internal sealed class DataProtectionKeyProtector : IKeyProtector
{
    private readonly IDataProtector _protector;

    public DataProtectionKeyProtector(IDataProtectionProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        _protector = provider.CreateProtector(StoreLayout.SigningKeyPurpose);
    }

    public byte[] Protect(byte[] plaintext) => _protector.Protect(plaintext);

    public byte[] Unprotect(byte[] protectedData) => _protector.Unprotect(protectedData);
}
