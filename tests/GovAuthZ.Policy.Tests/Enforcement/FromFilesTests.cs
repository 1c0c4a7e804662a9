using GovAuthZ.Core.Errors;

namespace GovAuthZ.Policy.Tests.Enforcement;

/// <summary>Loading from files: errors name the file, and model errors point at line and column.</summary>
public sealed class FromFilesTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "govauthz-fromfiles-" + Guid.NewGuid().ToString("N"));

    public FromFilesTests()
    {
        Directory.CreateDirectory(_directory);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void FromFiles_WhenModelFileMissing_ThrowsWithThePath()
    {
        var path = Path.Combine(_directory, "missing.conf");

        var error = Assert.Throws<GovAuthZException>(() => Enforcer.FromFiles(path, null));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Equal(path, error.Location.File);
    }

    [Fact]
    public void FromFiles_WhenPolicyFileMissing_ThrowsWithThePath()
    {
        var model = Write("model.conf", Models.Acl);
        var path = Path.Combine(_directory, "missing.csv");

        var error = Assert.Throws<GovAuthZException>(() => Enforcer.FromFiles(model, path));

        Assert.Equal(ErrorCode.PolicySyntax, error.Code);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromFiles_WhenMatcherHasUnknownToken_PointsAtFileLineAndColumn()
    {
        var text = Models.Acl.Replace("r.act == p.act", "r.act == p.action", StringComparison.Ordinal);
        var model = Write("model.conf", text);
        var expectedLine = LineOf(text, "m = ");
        var expectedColumn = text.Split('\n')[expectedLine - 1].IndexOf("p.action", StringComparison.Ordinal) + 1;

        var error = Assert.Throws<GovAuthZException>(() => Enforcer.FromFiles(model, null));

        Assert.Equal(ErrorCode.MatcherUnknownToken, error.Code);
        Assert.Equal(model, error.Location.File);
        Assert.Equal(expectedLine, error.Location.Line);
        Assert.Equal(expectedColumn, error.Location.Column);
        Assert.Contains($"{model}:{expectedLine}:{expectedColumn}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromFiles_WhenModelSectionMalformed_PointsAtFileAndLine()
    {
        var text = Models.Acl.Replace("[policy_effect]", "[policy_effect", StringComparison.Ordinal);
        var model = Write("model.conf", text);

        var error = Assert.Throws<GovAuthZException>(() => Enforcer.FromFiles(model, null));

        Assert.Equal(model, error.Location.File);
        Assert.Equal(LineOf(text, "[policy_effect"), error.Location.Line);
        Assert.True(error.Location.Column > 0);
    }

    [Fact]
    public void FromFiles_WhenPolicyLineInvalid_PointsAtPolicyFileLine()
    {
        var model = Write("model.conf", Models.Acl);
        var policy = Write("policy.csv", "p, alice, data1, read\np, bob, data2\n");

        var error = Assert.Throws<GovAuthZException>(() => Enforcer.FromFiles(model, policy));

        Assert.Equal(ErrorCode.PolicyFieldCount, error.Code);
        Assert.Equal(policy, error.Location.File);
        Assert.Equal(2, error.Location.Line);
    }

    [Fact]
    public void FromFiles_WhenBothValid_LoadsAndDecides()
    {
        var model = Write("model.conf", Models.Acl);
        var policy = Write("policy.csv", "p, alice, data1, read\n");

        var enforcer = Enforcer.FromFiles(model, policy);

        Assert.True(enforcer.Allows("alice", "data1", "read"));
        Assert.Equal(policy, enforcer.Explain(Models.Request("alice", "data1", "read")).Rule!.Location.File);
    }

    private static int LineOf(string text, string start)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith(start, StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        throw new InvalidOperationException($"no line starts with '{start}'");
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }
}
