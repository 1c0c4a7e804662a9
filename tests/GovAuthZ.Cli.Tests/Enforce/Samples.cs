using GovAuthZ.Tests.Shared.Models;

namespace GovAuthZ.Cli.Tests.Enforce;

/// <summary>Small models and policies the command tests run against.</summary>
internal static class Samples
{
    public const string RbacModel = SampleModels.Rbac;

    public const string RbacPolicy = """
        p, records_clerk, birth_certificates, read
        p, auditor, spending_ledger, read
        g, pan_yue, records_clerk
        g, lei_ting, auditor

        """;

    public const string AbacModel = """
        [request_definition]
        r = sub, obj

        [policy_definition]
        p = obj

        [policy_effect]
        e = some(where (p.eft == allow))

        [matchers]
        m = r.sub.level <= 3 && r.obj == p.obj
        """;

    public const string AbacPolicy = "p, provincial_statistics\n";
}
