using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GovAuthZ.Server.IntegrationTests.Decisions;

/// <summary>
/// The server in-process with GovAuthZ:PolicyDir set explicitly (the shipped policies/ by default), since
/// the factory's content root is the server project folder, not the repository root.
/// </summary>
public class DecisionServerFactory : WebApplicationFactory<Program>
{
    private readonly string _policyDir;
    private readonly int? _maxBatch;

    public DecisionServerFactory()
        : this(ShippedPolicies.Directory, null)
    {
    }

    internal DecisionServerFactory(string policyDir, int? maxBatch)
    {
        _policyDir = policyDir;
        _maxBatch = maxBatch;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("GovAuthZ:PolicyDir", _policyDir);
        if (_maxBatch is { } maxBatch)
        {
            builder.UseSetting("GovAuthZ:Decision:MaxBatch", maxBatch.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}

/// <summary>Locates the repository's shipped policy folder from the test's output folder.</summary>
internal static class ShippedPolicies
{
    public static string Directory
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "GovAuthZ.sln")))
                {
                    return Path.Combine(dir.FullName, "policies");
                }
            }

            throw new InvalidOperationException("GovAuthZ.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
