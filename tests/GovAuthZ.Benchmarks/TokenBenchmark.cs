using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using GovAuthZ.Tokens;
using GovAuthZ.Tokens.Issuance;
using GovAuthZ.Tokens.Keys;
using GovAuthZ.Tokens.Validation;

namespace GovAuthZ.Benchmarks;

/// <summary>
/// The token service's costs: raw ES256 sign and verify with the BCL (the floor), issuing an access token
/// and validating one. Setup checks that the token validates, so a broken wiring cannot report a fast
/// failure.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 5)]
public class TokenBenchmark : IDisposable
{
    private readonly byte[] _data = new byte[160];
    private ECDsa _ecdsa = null!;
    private byte[] _signature = [];
    private InMemoryKeyProtector _protector = null!;
    private SigningKeyRing _ring = null!;
    private AccessTokenIssuer _issuer = null!;
    private AccessTokenValidator _validator = null!;
    private AccessTokenDescriptor _descriptor = null!;
    private string _token = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        RandomNumberGenerator.Fill(_data);
        _ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        _signature = _ecdsa.SignData(_data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        var options = new TokenOptions { Issuer = "https://auth.example.gov" };
        options.Validate();
        _protector = new InMemoryKeyProtector();
        _ring = new SigningKeyRing(options, new InMemorySigningKeyStore(), _protector, TimeProvider.System);
        _ring.InitializeAsync().GetAwaiter().GetResult();
        _issuer = new AccessTokenIssuer(options, _ring);
        _validator = new AccessTokenValidator(options, _ring, new InMemoryRevokedTokens(TimeProvider.System));
        _descriptor = new AccessTokenDescriptor
        {
            Subject = "official:42",
            ClientId = "portal",
            Scopes = ["decision:check", "consent:read"],
            Official = new OfficialAttributes { Department = "civil-affairs", Roles = ["caseworker"], Level = 3, Region = "320100", Clearance = Clearances.Important },
        };
        _token = _issuer.Issue(_descriptor).Token;
        if (!Validate().IsValid)
        {
            throw new InvalidOperationException("the benchmark token does not validate");
        }
    }

    [Benchmark]
    public byte[] Es256SignRaw() => _ecdsa.SignData(_data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    [Benchmark]
    public bool Es256VerifyRaw() => _ecdsa.VerifyData(_data, _signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    [Benchmark]
    public string IssueAccessToken() => _issuer.Issue(_descriptor).Token;

    [Benchmark]
    public AccessTokenValidationResult ValidateAccessToken() => Validate();

    public void Dispose()
    {
        _ecdsa?.Dispose();
        _ring?.Dispose();
        _protector?.Dispose();
        GC.SuppressFinalize(this);
    }

    private AccessTokenValidationResult Validate()
    {
        var pending = _validator.ValidateAsync(_token);
        return pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
    }
}
