using GovAuthZ.Core.Errors;

namespace GovAuthZ.Policy.Roles;

/// <summary>
/// One grouping rule: <see cref="Name1"/> has role <see cref="Name2"/> in <see cref="Domain"/> (null for a
/// two-field <c>g = _, _</c>). Kept with its source location so that saving and error messages can point
/// back at the CSV line.
/// </summary>
internal readonly record struct RoleLink(string Name1, string Name2, string? Domain, SourceLocation Location);
