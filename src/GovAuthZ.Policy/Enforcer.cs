using GovAuthZ.Core.Errors;
using GovAuthZ.Policy.Compilation;
using GovAuthZ.Policy.Effects;
using GovAuthZ.Policy.Evaluation;
using GovAuthZ.Policy.Parsing;

namespace GovAuthZ.Policy;

/// <summary>
/// Decides requests against a Casbin model and its policies, and manages those policies.
/// <para>
/// Thread safety: reads (Enforce, Explain, queries) take the current snapshot with one volatile read and
/// never lock or wait. Writes are serialised, compile a complete new snapshot and publish it with one
/// atomic exchange; a write that fails validation publishes nothing and throws.
/// </para>
/// </summary>
public sealed partial class Enforcer
{
    private readonly Lock _writeLock = new();
    private readonly EnforcerOptions _options;
    private PolicySnapshot _snapshot;

    private Enforcer(PolicySnapshot snapshot, EnforcerOptions options, string policyFile)
    {
        _snapshot = snapshot;
        _options = options;
        PolicyFile = policyFile;
    }

    /// <summary>The name reported in locations of rules added through the API or loaded as text.</summary>
    public string PolicyFile { get; }

    /// <summary>Increases by one with every published change.</summary>
    public long Revision => Current.Revision;

    private PolicySnapshot Current => Volatile.Read(ref _snapshot);

    public static Enforcer FromText(string modelText, string policyText, EnforcerOptions? options = null, string modelFile = "model.conf", string policyFile = "policy.csv")
    {
        ArgumentNullException.ThrowIfNull(modelText);
        ArgumentNullException.ThrowIfNull(policyText);
        options ??= new EnforcerOptions();
        var model = ModelDefinition.Parse(modelText, modelFile);
        var lines = PolicyCsv.Read(policyText, policyFile);
        return new Enforcer(SnapshotBuilder.Build(model, lines, options, 1), options, policyFile);
    }

    public static Enforcer FromFiles(string modelPath, string? policyPath, EnforcerOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        var modelText = ReadFile(modelPath);
        options ??= new EnforcerOptions();
        var model = ModelDefinition.Parse(modelText, modelPath);
        IReadOnlyList<PolicyLine> lines = [];
        if (policyPath is not null)
        {
            using var reader = OpenFile(policyPath);
            lines = [.. PolicyCsv.Read(reader, policyPath)];
        }

        return new Enforcer(SnapshotBuilder.Build(model, lines, options, 1), options, policyPath ?? "policy.csv");
    }

    /// <summary>Decides a request with the default context (r, p, e, m).</summary>
    public bool Enforce(params ReadOnlySpan<Value> request) => Decide(request).Allowed;

    public bool Enforce(EnforceContext context, params ReadOnlySpan<Value> request) => Decide(context, request).Allowed;

    /// <summary>Decides a request and says which rule decided, or which error forced a deny.</summary>
    public EnforceOutcome Decide(ReadOnlySpan<Value> request)
    {
        var plan = Current.DefaultPlan;
        return plan is null ? NoDefaultMatcher() : plan.Enforce(request);
    }

    public EnforceOutcome Decide(EnforceContext context, ReadOnlySpan<Value> request)
    {
        DecisionPlan plan;
        try
        {
            plan = Current.GetPlan(context);
        }
        catch (GovAuthZException error)
        {
            return EnforceOutcome.Failed(error);
        }

        return plan.Enforce(request);
    }

    /// <summary>Decides many requests against one snapshot, so a concurrent change cannot split the batch.</summary>
    public bool[] BatchEnforce(IReadOnlyList<Value[]> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var plan = Current.DefaultPlan;
        var results = new bool[requests.Count];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = plan is not null && plan.Enforce(requests[i]).Allowed;
        }

        return results;
    }

    public Explanation Explain(params ReadOnlySpan<Value> request) => Explain(EnforceContext.Default, request);

    public Explanation Explain(EnforceContext context, params ReadOnlySpan<Value> request)
    {
        var snapshot = Current;
        DecisionPlan plan;
        try
        {
            plan = snapshot.GetPlan(context);
        }
        catch (GovAuthZException error)
        {
            return new Explanation(false, "none", null, error.Message, error.CodeId, snapshot.Revision);
        }

        return ExplanationBuilder.Build(plan, plan.Enforce(request), snapshot.Revision);
    }

    /// <summary>The compiled plan of a context in the current snapshot; lets tests check the index against a plain scan.</summary>
    internal DecisionPlan PlanFor(EnforceContext context) => Current.GetPlan(context);

    private static EnforceOutcome NoDefaultMatcher() =>
        EnforceOutcome.Failed(new GovAuthZException(ErrorCode.ModelMissingSection, "the model has no matcher 'm'"));

    private static string ReadFile(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new GovAuthZException(ErrorCode.ModelSyntax, $"cannot read '{path}': {error.Message}", new SourceLocation(path, 0, 0), error);
        }
    }

    private static StreamReader OpenFile(string path)
    {
        try
        {
            return new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new GovAuthZException(ErrorCode.PolicySyntax, $"cannot read '{path}': {error.Message}", new SourceLocation(path, 0, 0), error);
        }
    }
}
