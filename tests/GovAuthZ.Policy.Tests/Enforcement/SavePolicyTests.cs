namespace GovAuthZ.Policy.Tests.Enforcement;

/// <summary>SavePolicy writes what LoadPolicy reads back, byte for byte, including quoting and omitted eft.</summary>
public sealed class SavePolicyTests
{
    private const string Quoted = """"
        p, "alice, the admin", "data ""one""", read, allow
        p, " padded ", "", write, deny
        p, bob, data2, read
        g, "carol, jr", "alice, the admin"
        """";

    [Fact]
    public void SavePolicy_WhenLoadedAndSavedAgain_IsByteForByteIdentical()
    {
        var enforcer = Enforcer.FromText(Models.AllowAndDeny, Quoted);

        var first = enforcer.SavePolicy();
        enforcer.LoadPolicy(first);
        var second = enforcer.SavePolicy();

        Assert.Equal(first, second);
    }

    [Fact]
    public void SavePolicy_WhenFieldsNeedQuotes_QuotesExactlyThoseFields()
    {
        var enforcer = Enforcer.FromText(Models.AllowAndDeny, Quoted);

        var saved = enforcer.SavePolicy();

        Assert.Equal(Quoted.ReplaceLineEndings("\n") + "\n", saved);
    }

    [Fact]
    public void SavePolicy_WhenRuleOmitsEft_KeepsItOmittedAndStillAllows()
    {
        var enforcer = Enforcer.FromText(Models.AllowAndDeny, Quoted);

        var saved = enforcer.SavePolicy();

        Assert.Contains("p, bob, data2, read\n", saved, StringComparison.Ordinal);
        Assert.DoesNotContain("p, bob, data2, read, allow", saved, StringComparison.Ordinal);
        Assert.Equal(["bob", "data2", "read"], enforcer.GetPolicy()[2]);
        Assert.True(enforcer.Allows("bob", "data2", "read"));
    }

    [Fact]
    public void LoadPolicy_WhenSavedTextReloaded_QuotedFieldsDecideAsBefore()
    {
        var enforcer = Enforcer.FromText(Models.AllowAndDeny, Quoted);
        var before = enforcer.Revision;

        enforcer.LoadPolicy(enforcer.SavePolicy());

        Assert.Equal(before + 1, enforcer.Revision);
        Assert.True(enforcer.Allows("alice, the admin", "data \"one\"", "read"));
        Assert.True(enforcer.Allows("carol, jr", "data \"one\"", "read"));
        Assert.False(enforcer.Allows(" padded ", string.Empty, "write"));
        Assert.Equal(" padded ", enforcer.GetPolicy()[1][0]);
    }

    [Fact]
    public void SavePolicy_WhenRoleLinesWrittenFirst_PutsPolicyTypesBeforeRoleTypes()
    {
        var enforcer = Enforcer.FromText(Models.Named, "g2, app1, billing\ng, alice, admin\np2, billing, invoices\np, admin, data1, read\n");

        var saved = enforcer.SavePolicy();

        Assert.Equal("p, admin, data1, read\np2, billing, invoices\ng, alice, admin\ng2, app1, billing\n", saved);
        enforcer.LoadPolicy(saved);
        Assert.Equal(saved, enforcer.SavePolicy());
    }
}
