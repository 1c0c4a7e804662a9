using System.Security.Cryptography;

namespace GovAuthZ.Tokens.Keys;

/// <summary>
/// AES-256-GCM under a key that lives only in this process: for tests and development. Data it protects
/// cannot be read after a restart, which is the point: a production server must supply a durable protector.
/// Layout: nonce (12) | tag (16) | ciphertext.
/// </summary>
public sealed class InMemoryKeyProtector : IKeyProtector, IDisposable
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly AesGcm _aes = new(RandomNumberGenerator.GetBytes(32), TagSize);

    public byte[] Protect(byte[] plaintext)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var output = new byte[NonceSize + TagSize + plaintext.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        _aes.Encrypt(nonce, plaintext, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize));
        return output;
    }

    public byte[] Unprotect(byte[] protectedData)
    {
        ArgumentNullException.ThrowIfNull(protectedData);
        if (protectedData.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("protected data is too short");
        }

        var plaintext = new byte[protectedData.Length - NonceSize - TagSize];
        _aes.Decrypt(
            protectedData.AsSpan(0, NonceSize),
            protectedData.AsSpan(NonceSize + TagSize),
            protectedData.AsSpan(NonceSize, TagSize),
            plaintext);
        return plaintext;
    }

    public void Dispose() => _aes.Dispose();
}
