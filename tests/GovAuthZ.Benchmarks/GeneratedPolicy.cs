using GovAuthZ.Policy.Evaluation;

namespace GovAuthZ.Benchmarks;

/// <summary>Policy CSV text plus one request it allows and one it denies.</summary>
internal sealed record GeneratedPolicy(string Text, int RuleCount, Value[] Allowed, Value[] Denied);
