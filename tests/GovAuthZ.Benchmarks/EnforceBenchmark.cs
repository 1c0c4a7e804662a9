using BenchmarkDotNet.Attributes;
using GovAuthZ.Policy;
using GovAuthZ.Policy.Evaluation;

namespace GovAuthZ.Benchmarks;

/// <summary>
/// One Enforce per benchmark invocation against an enforcer built once in setup. Setup checks that the
/// allowed request is allowed and the denied one denied, so a broken generator cannot report a fast
/// wrong answer.
/// </summary>
public abstract class EnforceBenchmark
{
    private Enforcer? _enforcer;
    private Value[] _allowed = [];
    private Value[] _denied = [];

    [GlobalSetup]
    public void Setup()
    {
        var (model, policy) = Create();
        _enforcer = Enforcer.FromText(model, policy.Text);
        _allowed = policy.Allowed;
        _denied = policy.Denied;
        if (!_enforcer.Enforce(_allowed) || _enforcer.Enforce(_denied))
        {
            throw new InvalidOperationException($"{GetType().BaseType?.Name}: the generated requests do not decide as intended");
        }
    }

    [Benchmark(Baseline = true)]
    public bool Allow() => _enforcer!.Enforce(_allowed);

    [Benchmark]
    public bool Deny() => _enforcer!.Enforce(_denied);

    private protected abstract (string Model, GeneratedPolicy Policy) Create();
}

/// <summary>The classic Casbin RBAC example (alice, bob, data2_admin): 10 lines.</summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 5)]
public class RbacSmall : EnforceBenchmark
{
    private protected override (string Model, GeneratedPolicy Policy) Create() =>
        (Models.Rbac, new GeneratedPolicy(Models.ClassicRbacPolicy, 10, ["alice", "data2", "read"], ["bob", "data2", "read"]));
}

/// <summary>RBAC, 1,000 users, 100 roles, 100,000 rules.</summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 5)]
public class RbacLarge : EnforceBenchmark
{
    private protected override (string Model, GeneratedPolicy Policy) Create() =>
        (Models.Rbac, PolicyGenerator.Rbac(users: 1_000, roles: 100, rules: 100_000));
}

/// <summary>RBAC with 10 domains, 1,000 users, 100 roles, 100,000 rules.</summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 5)]
public class RbacDomains : EnforceBenchmark
{
    private protected override (string Model, GeneratedPolicy Policy) Create() =>
        (Models.RbacWithDomains, PolicyGenerator.RbacWithDomains(users: 1_000, roles: 100, domains: 10, rules: 100_000));
}

/// <summary>ABAC, 1,000 rules whose condition runs through eval(p.rule).</summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 5)]
public class AbacEval : EnforceBenchmark
{
    private protected override (string Model, GeneratedPolicy Policy) Create() =>
        (Models.AbacEval, PolicyGenerator.AbacEval(rules: 1_000));
}

/// <summary>ABAC, 1,000 rules comparing r.sub.department with a policy field.</summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 5)]
public class AbacAttributeCompare : EnforceBenchmark
{
    private protected override (string Model, GeneratedPolicy Policy) Create() =>
        (Models.AbacAttribute, PolicyGenerator.AbacAttribute(rules: 1_000));
}

/// <summary>REST paths with keyMatch2: 100 subjects by 100 path patterns, 10,000 rules.</summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 5)]
public class KeyMatch2Rest : EnforceBenchmark
{
    private protected override (string Model, GeneratedPolicy Policy) Create() =>
        (Models.KeyMatch2, PolicyGenerator.KeyMatch2(subjects: 100, patterns: 100));
}
