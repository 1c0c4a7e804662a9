using GovAuthZ.Tokens.Keys;
using GovAuthZ.Tokens.Storage;
using Microsoft.AspNetCore.DataProtection;

namespace GovAuthZ.Tokens.Protection;

/// <summary>
/// Protects signing keys at rest with Data Protection (authenticated encryption under the key ring that
/// <see cref="KeyProtectionSetup"/> configures). Unprotect throws on tampered data or an unknown key, which
/// the signing key ring reports as an unreadable record.
/// </summary>
public sealed class DataProtectionKeyProtector : IKeyProtector
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
