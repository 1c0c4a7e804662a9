using System.Text.Json;
using System.Text.Json.Serialization;
using GovAuthZ.Tokens.Clients;
using GovAuthZ.Tokens.Issuance;

namespace GovAuthZ.Tokens.Storage;

/// <summary>
/// A client registration as stored: one JSON document per client, so a new registration field needs no
/// schema change. Only secret hashes are stored, never secrets; the JWKS is kept as registered text and
/// parsed (and so re-validated) on every load.
/// </summary>
internal sealed class ClientDocument
{
    private static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public ClientType Type { get; set; }

    public ClientKind Kind { get; set; }

    public string? DisplayName { get; set; }

    public List<string> AuthenticationMethods { get; set; } = [];

    public List<string> SecretHashes { get; set; } = [];

    public string? Jwks { get; set; }

    public List<string> RedirectUris { get; set; } = [];

    public List<string>? PostLogoutRedirectUris { get; set; }

    /// <summary>Absent in documents written before the flag existed: such clients get the consent page.</summary>
    public bool FirstParty { get; set; }

    public List<string> GrantTypes { get; set; } = [];

    public List<string> Scopes { get; set; } = [];

    /// <summary>Absent in documents written before exchange targets were registrable, and when empty.</summary>
    public List<string>? Audiences { get; set; }

    public string? Department { get; set; }

    public string? Region { get; set; }

    public int? Level { get; set; }

    public static string Serialize(OAuthClient client, string? jwksJson)
    {
        var document = new ClientDocument
        {
            Type = client.Type,
            Kind = client.Kind,
            DisplayName = client.DisplayName,
            AuthenticationMethods = [.. client.AuthenticationMethods],
            SecretHashes = [.. client.SecretHashes],
            Jwks = jwksJson,
            RedirectUris = [.. client.RedirectUris],
            PostLogoutRedirectUris = client.PostLogoutRedirectUris.Count == 0 ? null : [.. client.PostLogoutRedirectUris],
            FirstParty = client.FirstParty,
            GrantTypes = [.. client.GrantTypes],
            Scopes = [.. client.Scopes],
            Audiences = client.Audiences.Count > 0 ? [.. client.Audiences] : null,
            Department = client.DepartmentAttributes?.Department,
            Region = client.DepartmentAttributes?.Region,
            Level = client.DepartmentAttributes?.Level,
        };
        return JsonSerializer.Serialize(document, Json);
    }

    /// <summary>Rebuilds and validates the client (GAZ3028 when the stored document is inconsistent).</summary>
    public static OAuthClient Deserialize(string clientId, string json)
    {
        var document = JsonSerializer.Deserialize<ClientDocument>(json, Json) ?? throw new JsonException("empty client document");
        var client = new OAuthClient
        {
            ClientId = clientId,
            Type = document.Type,
            Kind = document.Kind,
            DisplayName = document.DisplayName,
            AuthenticationMethods = document.AuthenticationMethods,
            SecretHashes = document.SecretHashes,
            Jwks = document.Jwks is null ? null : ClientKeySet.Parse(document.Jwks),
            RedirectUris = document.RedirectUris,
            PostLogoutRedirectUris = document.PostLogoutRedirectUris ?? [],
            FirstParty = document.FirstParty,
            GrantTypes = document.GrantTypes,
            Scopes = document.Scopes,
            Audiences = document.Audiences ?? [],
            DepartmentAttributes = document.Department is null && document.Region is null && document.Level is null
                ? null
                : new OfficialAttributes { Department = document.Department, Region = document.Region, Level = document.Level },
        };
        client.Validate();
        return client;
    }
}
