namespace GovAuthZ.Cli.Tests.Driver;

/// <summary>A model and a policy written to a fresh temporary directory, removed on dispose.</summary>
internal sealed class PolicyFiles : IDisposable
{
    private readonly string _directory;

    public PolicyFiles(string model, string policy)
    {
        _directory = Path.Combine(Path.GetTempPath(), "govauthz-cli-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        ModelPath = Path.Combine(_directory, "model.conf");
        PolicyPath = Path.Combine(_directory, "policy.csv");
        File.WriteAllText(ModelPath, model);
        File.WriteAllText(PolicyPath, policy);
    }

    public string ModelPath { get; }

    public string PolicyPath { get; }

    /// <summary>The arguments that start an enforce over these files, followed by <paramref name="more"/>.</summary>
    public string[] Enforce(params string[] more) => ["enforce", "-m", ModelPath, "-p", PolicyPath, .. more];

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
