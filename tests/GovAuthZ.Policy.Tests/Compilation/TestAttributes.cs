using GovAuthZ.Policy.Evaluation;

namespace GovAuthZ.Policy.Tests.Compilation;

internal sealed class TestAttributes : IAttributeObject
{
    private readonly Dictionary<string, Value> _values = new(StringComparer.Ordinal);

    public TestAttributes With(string name, Value value)
    {
        _values[name] = value;
        return this;
    }

    public bool TryGetAttribute(string name, out Value value) => _values.TryGetValue(name, out value);
}
