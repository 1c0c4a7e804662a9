using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using GovAuthZ.Tokens;
using GovAuthZ.Tokens.Issuance;
using GovAuthZ.Tokens.Keys;
using GovAuthZ.Tokens.Validation;

namespace GovAuthZ.Benchmarks;

/// <summary>
/// Validation throughput against its floor, in one run: AccessTokenValidator.ValidateAsync on an issued
/// ES256 access token versus ECDsa.VerifyData of that same token's signing input (RFC 7515 section 5.2:
/// ASCII(header "." payload)) and signature under the published public key. Each is measured on one
/// thread and on one thread per core, so ops/s = 1 / mean and the ratio validate/raw shows what the
/// pipeline (parsing, header guard, claim checks, revocation lookup) adds to the signature check.
/// Raw verifiers get an ECDsa per thread: instances are not documented as safe for concurrent use.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 8)]
public class TokenValidationThroughputBenchmark : IDisposable
{
    private const int OperationsPerThread = 512;

    private static readonly int Threads = Environment.ProcessorCount;

    private InMemoryKeyProtector _protector = null!;
    private SigningKeyRing _ring = null!;
    private AccessTokenValidator _validator = null!;
    private string _token = string.Empty;
    private byte[] _signingInput = [];
    private byte[] _signature = [];
    private ECDsa[] _verifiers = [];

    [GlobalSetup]
    public void Setup()
    {
        var options = new TokenOptions { Issuer = "https://auth.example.gov" };
        options.Validate();
        _protector = new InMemoryKeyProtector();
        _ring = new SigningKeyRing(options, new InMemorySigningKeyStore(), _protector, TimeProvider.System);
        _ring.InitializeAsync().GetAwaiter().GetResult();
        _validator = new AccessTokenValidator(options, _ring, new InMemoryRevokedTokens(TimeProvider.System));
        _token = new AccessTokenIssuer(options, _ring).Issue(new AccessTokenDescriptor
        {
            Subject = "pep-demo",
            ClientId = "pep-demo",
            Scopes = ["decision:check", "decision:assert-principal"],
        }).Token;

        var lastDot = _token.LastIndexOf('.');
        _signingInput = Encoding.ASCII.GetBytes(_token[..lastDot]);
        _signature = Base64Url.DecodeFromChars(_token.AsSpan(lastDot + 1));
        var jwk = _ring.GetJwks().Keys[0];
        _verifiers = new ECDsa[Threads];
        for (var i = 0; i < Threads; i++)
        {
            _verifiers[i] = ECDsa.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = Base64Url.DecodeFromChars(jwk.X), Y = Base64Url.DecodeFromChars(jwk.Y) },
            });
        }

        if (!Validate() || !VerifyRaw(0))
        {
            throw new InvalidOperationException("the benchmark token does not verify");
        }
    }

    [Benchmark(Baseline = true)]
    public bool VerifyRawOneThread() => VerifyRaw(0);

    [Benchmark]
    public bool ValidateOneThread() => Validate();

    [Benchmark(OperationsPerInvoke = OperationsPerThread)]
    public void VerifyRawAllCores() => RunOnAllCores(static (self, thread) => self.VerifyRaw(thread));

    [Benchmark(OperationsPerInvoke = OperationsPerThread)]
    public void ValidateAllCores() => RunOnAllCores(static (self, _) => self.Validate());

    public void Dispose()
    {
        foreach (var verifier in _verifiers)
        {
            verifier.Dispose();
        }

        _ring?.Dispose();
        _protector?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Threads each make <see cref="OperationsPerThread"/> calls; the mean per operation reported is then the
    /// wall time per operation per thread, so throughput over all cores is Threads / mean.
    /// </summary>
    private void RunOnAllCores(Func<TokenValidationThroughputBenchmark, int, bool> operation)
    {
        var failures = 0;
        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, thread =>
        {
            for (var i = 0; i < OperationsPerThread; i++)
            {
                if (!operation(this, thread))
                {
                    Interlocked.Increment(ref failures);
                }
            }
        });
        if (failures > 0)
        {
            throw new InvalidOperationException("a verification failed during the run");
        }
    }

    private bool VerifyRaw(int thread) =>
        _verifiers[thread].VerifyData(_signingInput, _signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    private bool Validate()
    {
        var pending = _validator.ValidateAsync(_token);
        return (pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult()).IsValid;
    }
}
