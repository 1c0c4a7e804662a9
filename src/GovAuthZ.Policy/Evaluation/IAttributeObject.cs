namespace GovAuthZ.Policy.Evaluation;

/// <summary>
/// An ABAC request value with named attributes (<c>r.sub.level</c>). Implementations must be immutable
/// while a request is evaluated and must not allocate in <see cref="TryGetAttribute"/>.
/// </summary>
public interface IAttributeObject
{
    bool TryGetAttribute(string name, out Value value);
}
