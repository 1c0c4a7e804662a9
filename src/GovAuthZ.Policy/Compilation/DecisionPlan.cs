using GovAuthZ.Core.Errors;
using GovAuthZ.Policy.Effects;
using GovAuthZ.Policy.Evaluation;
using GovAuthZ.Policy.Indexing;
using GovAuthZ.Policy.Parsing;

namespace GovAuthZ.Policy.Compilation;

/// <summary>
/// Everything one enforce context needs, compiled: the matcher, the rules in effective order with their
/// effects, and the index over them. Immutable; shared by all threads reading a snapshot.
/// </summary>
internal sealed class DecisionPlan
{
    private readonly string[] _emptyRule;

    public DecisionPlan(EnforceContext context, int requestArity, int policyArity, EffectKind effect, CompiledMatcher matcher, RuleIndex index, PolicyLine[] lines, string[][] rules, RuleEffect[] effects)
    {
        Context = context;
        RequestArity = requestArity;
        Effect = effect;
        Matcher = matcher;
        Index = index;
        Lines = lines;
        Effects = effects;
        Rules = rules;

        _emptyRule = new string[policyArity];
        Array.Fill(_emptyRule, string.Empty);
    }

    public EnforceContext Context { get; }

    public int RequestArity { get; }

    public EffectKind Effect { get; }

    public CompiledMatcher Matcher { get; }

    public RuleIndex Index { get; }

    /// <summary>The source lines of the rules, in effective order (priority-sorted where the model asks).</summary>
    public PolicyLine[] Lines { get; }

    public string[][] Rules { get; }

    public RuleEffect[] Effects { get; }

    /// <summary>
    /// Decides one request. Never throws for anything the request or the rules contain: every failure is a
    /// deny that carries its error (fail closed).
    /// </summary>
    public EnforceOutcome Enforce(ReadOnlySpan<Value> request)
    {
        if (request.Length != RequestArity)
        {
            return EnforceOutcome.Failed(new GovAuthZException(
                ErrorCode.EvalRequestArity,
                $"request has {request.Length} values but {Context.Request} defines {RequestArity}"));
        }

        var frame = new EvalFrame(request);
        try
        {
            if (!Matcher.UsesPolicy || Rules.Length == 0)
            {
                frame.Rule = _emptyRule;
                return EffectEvaluator.DecideWithoutRules(Effect, Matcher.Root.EvaluateBool(ref frame)).From(this);
            }

            return EffectEvaluator.Decide(Effect, ref frame, Matcher.Root, Index, Rules, Effects).From(this);
        }
        catch (GovAuthZException error)
        {
            return EnforceOutcome.Failed(error);
        }
#pragma warning disable CA1031 // A user function may throw anything; the request must still be denied, not crash the caller.
        catch (Exception error) when (error is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return EnforceOutcome.Failed(new GovAuthZException(
                ErrorCode.EvalFunctionFailed, $"a matcher function failed: {error.Message}", SourceLocation.None, error));
        }
    }
}
