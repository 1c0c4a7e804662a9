using System.Xml.Linq;
using GovAuthZ.Tokens.Storage;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace GovAuthZ.Tokens.Protection;

/// <summary>
/// Data Protection's key repository over <see cref="SqlProtectionKeyStore"/>. The interface is
/// synchronous; the key ring calls it at start and when it creates a key (every 90 days by default),
/// never per request, so blocking on the database here costs nothing on any hot path.
/// </summary>
internal sealed class DatabaseXmlRepository : IXmlRepository
{
    private readonly SqlProtectionKeyStore _store;

    public DatabaseXmlRepository(SqlProtectionKeyStore store)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
    }

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        var stored = _store.LoadAllAsync().GetAwaiter().GetResult();
        var elements = new List<XElement>(stored.Count);
        foreach (var xml in stored)
        {
            elements.Add(XElement.Parse(xml));
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        // The friendly name is "key-<guid>" for keys and unique per revocation; fall back to a fresh id.
        var name = string.IsNullOrEmpty(friendlyName) ? Guid.NewGuid().ToString("N") : friendlyName;
        _store.StoreAsync(name, element.ToString(SaveOptions.DisableFormatting)).GetAwaiter().GetResult();
    }
}
