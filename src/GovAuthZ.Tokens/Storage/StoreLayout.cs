namespace GovAuthZ.Tokens.Storage;

/// <summary>
/// Names the server and the command line must agree on to open the same store: the files under DataDir
/// and the Data Protection application and purpose that protect the signing keys. Changing any of them
/// makes existing keys unreadable.
/// </summary>
public static class StoreLayout
{
    public const string DatabaseFile = "govauthz.db";

    /// <summary>Folder under DataDir holding the Data Protection key ring.</summary>
    public const string ProtectionKeysFolder = "keys";

    public const string ProtectionApplicationName = "GovAuthZ";

    public const string SigningKeyPurpose = "GovAuthZ.Tokens.SigningKeys.v1";
}
