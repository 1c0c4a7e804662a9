using System.Buffers;
using System.Globalization;
using GovAuthZ.Caching;
using GovAuthZ.Contracts.Decision.V1;
using GovAuthZ.Core.Errors;
using GovAuthZ.Policy.Evaluation;
using GovAuthZ.Server.Telemetry;

namespace GovAuthZ.Server.Decisions;

/// <summary>
/// The decision point behind both transports: takes contract messages, decides them against the current
/// <see cref="PolicyBundle"/> and answers with contract messages. Invalid requests throw
/// <see cref="GovAuthZException"/> (the transport maps the code to a status); a deny is a normal answer.
/// <para>
/// Check and CheckBatch take the fast path: the decision cache first, keyed by the request's canonical
/// bytes and stamped with the bundle revision, then the engine's allocation-free Decide. A hit skips
/// validation as well, which is sound because validation reads only the request and the catalog, and
/// the catalog belongs to the same revision. Explain always evaluates afresh with the engine's Explain.
/// </para>
/// Stateless apart from the store and the cache, so one instance serves all threads.
/// </summary>
internal sealed class DecisionService
{
    private readonly PolicyStore _store;
    private readonly int _maxBatch;
    private readonly IDecisionCache<DecisionResult> _cache;
    private readonly DecisionMetrics _metrics;
    private readonly DecisionIds _ids;

    public DecisionService(PolicyStore store, TimeProvider time, int maxBatch, IDecisionCache<DecisionResult> cache, DecisionMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(metrics);
        _store = store;
        _maxBatch = maxBatch;
        _cache = cache;
        _metrics = metrics;
        _ids = new DecisionIds(time);
    }

    public int MaxBatch => _maxBatch;

    public CheckResponse Check(CheckRequest request) => Check(request, DecisionTransport.InProcess);

    public CheckResponse Check(CheckRequest request, DecisionTransport transport)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Check(request, _store.Current, transport);
    }

    public CheckBatchResponse CheckBatch(CheckBatchRequest request) => CheckBatch(request, DecisionTransport.InProcess);

    /// <summary>Decides every check against one bundle, so a concurrent reload cannot split the batch.</summary>
    public CheckBatchResponse CheckBatch(CheckBatchRequest request, DecisionTransport transport)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Checks.Count > _maxBatch)
        {
            throw new GovAuthZException(
                ErrorCode.DecisionBatchTooLarge,
                string.Create(CultureInfo.InvariantCulture, $"the batch holds {request.Checks.Count} checks; at most {_maxBatch} are allowed"));
        }

        var state = _store.Current;
        var response = new CheckBatchResponse();
        for (var i = 0; i < request.Checks.Count; i++)
        {
            try
            {
                response.Results.Add(Check(request.Checks[i], state, transport));
            }
            catch (GovAuthZException error)
            {
                // Name the failing entry: the caller must know which of many checks was malformed.
                throw new GovAuthZException(error.Code, string.Create(CultureInfo.InvariantCulture, $"checks[{i}]: {error.Detail}"), error.Location, error);
            }
        }

        return response;
    }

    public ExplainResponse Explain(CheckRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var state = _store.Current;
        if (state.Bundle is not { } bundle)
        {
            return NotReady(state.LastReloadError);
        }

        ConsistencyToken.Require(request.ConsistencyToken, bundle.Revision);
        var mapped = RequestMapper.Map(request, bundle.Catalog);
        var explanation = bundle.Enforcer.Explain(mapped.Values);
        var decision = DecisionResult.FromExplanation(explanation, mapped.Dataset, mapped.Purpose).ToResponse(bundle.Revision, NewDecisionId());
        var response = new ExplainResponse { Decision = decision, Effect = explanation.Effect, Reason = explanation.Reason };
        AddAttributes(response, "r.sub.", mapped.Subject);
        AddAttributes(response, "r.obj.", mapped.Resource);
        response.Attributes.Add(new EvaluatedAttribute { Name = "r.act", Value = request.Action });
        response.Attributes.Add(new EvaluatedAttribute { Name = "r.purpose", Value = request.Purpose });
        return response;
    }

    private CheckResponse Check(CheckRequest request, PolicyState state, DecisionTransport transport)
    {
        var started = _metrics.Start();
        if (state.Bundle is not { } bundle)
        {
            // Never cached: there is no revision to stamp an entry with, and readiness must show at once.
            var notReady = NotReady(state.LastReloadError).Decision;
            _metrics.Decided(false, transport, CacheUse.None, started);
            return notReady;
        }

        ConsistencyToken.Require(request.ConsistencyToken, bundle.Revision);
        var result = _cache.IsEnabled ? Cached(request, bundle, out var use) : Decide(request, bundle, out use);
        var response = result.ToResponse(bundle.Revision, NewDecisionId());
        _metrics.Decided(result.Allowed, transport, use, started);
        return response;
    }

    private DecisionResult Cached(CheckRequest request, PolicyBundle bundle, out CacheUse use)
    {
        Span<byte> scratch = stackalloc byte[CheckKeyWriter.StackBytes];
        byte[]? rented = null;
        try
        {
            var status = CheckKeyWriter.Write(request, scratch, out var length);
            if (status == CacheKeyStatus.TooLong && _cache.MaxKeyBytes > scratch.Length)
            {
                rented = ArrayPool<byte>.Shared.Rent(_cache.MaxKeyBytes);
                scratch = rented.AsSpan(0, _cache.MaxKeyBytes);
                status = CheckKeyWriter.Write(request, scratch, out length);
            }

            if (status != CacheKeyStatus.Complete)
            {
                return Decide(request, bundle, out use);
            }

            var key = scratch[..length];
            var hit = _cache.TryGet(key, bundle.Revision, out var result);
            _metrics.CacheLookup(hit);
            if (!hit)
            {
                // Validation errors throw out of Decide, so only requests that were decided get stored.
                result = Decide(request, bundle, out _);
                if (result.IsDecided)
                {
                    _cache.Store(key, new VersionStamp(bundle.Revision), result);
                }
            }

            use = hit ? CacheUse.Hit : CacheUse.Miss;
            return result!;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static DecisionResult Decide(CheckRequest request, PolicyBundle bundle, out CacheUse use)
    {
        use = CacheUse.None;
        var mapped = RequestMapper.Map(request, bundle.Catalog);
        return DecisionResult.FromOutcome(bundle.Enforcer.Decide(mapped.Values), mapped.Dataset, mapped.Purpose);
    }

    private ExplainResponse NotReady(GovAuthZException? loadError)
    {
        // Fail closed: without a policy nothing is allowed; the reasons say why so operators can act.
        var decision = new CheckResponse { Allowed = false, PolicyRevision = 0, DecisionId = NewDecisionId() };
        decision.Reasons.Add(ErrorCodes.Format(ErrorCode.DecisionNotReady));
        if (loadError is not null)
        {
            decision.Reasons.Add(loadError.CodeId);
        }

        var reason = loadError is null ? "no policy is loaded" : "no policy is loaded: " + loadError.Message;
        return new ExplainResponse { Decision = decision, Effect = "none", Reason = reason };
    }

    private string NewDecisionId() => _ids.Next();

    private static void AddAttributes(ExplainResponse response, string prefix, KeyValuePair<string, Value>[] pairs)
    {
        foreach (var (name, value) in pairs)
        {
            response.Attributes.Add(new EvaluatedAttribute { Name = prefix + name, Value = value.ToString() });
        }
    }
}
