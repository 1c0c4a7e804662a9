using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace GovAuthZ.Server.IntegrationTests.OpenApi;

/// <summary>
/// Messages with every field set to a non-default value, nested messages included. A message can set only
/// one member of each oneof, so <c>variant</c> picks which (variant modulo the oneof's size): running the
/// variants 0..n-1 shows every member.
/// </summary>
internal static class FullyPopulated
{
    private const int MaxDepth = 6;

    public static IMessage Create(MessageDescriptor descriptor, int variant, int depth = 0)
    {
        ArgumentNullException.ThrowIfNull(descriptor);

        // Well-known types with range rules: a value inside them, with a fraction so nanos is exercised.
        if (descriptor.FullName == Duration.Descriptor.FullName)
        {
            return new Duration { Seconds = 3600, Nanos = 500_000_000 };
        }

        var message = descriptor.Parser.ParseFrom(ByteString.Empty);
        foreach (var field in descriptor.Fields.InDeclarationOrder())
        {
            if (field.RealContainingOneof is { } oneof && oneof.Fields[variant % oneof.Fields.Count] != field)
            {
                continue;
            }

            if (field.FieldType is FieldType.Message && depth >= MaxDepth)
            {
                continue;
            }

            Set(message, field, variant, depth);
        }

        return message;
    }

    /// <summary>Every message and enum a message reaches through its fields, itself included.</summary>
    public static void Reach(MessageDescriptor descriptor, ISet<string> names)
    {
        if (!names.Add(descriptor.FullName))
        {
            return;
        }

        foreach (var field in descriptor.Fields.InDeclarationOrder())
        {
            if (field.IsMap)
            {
                var value = field.MessageType.FindFieldByNumber(2);
                if (value.FieldType == FieldType.Message)
                {
                    Reach(value.MessageType, names);
                }
                else if (value.FieldType == FieldType.Enum)
                {
                    names.Add(value.EnumType.FullName);
                }
            }
            else if (field.FieldType == FieldType.Message)
            {
                Reach(field.MessageType, names);
            }
            else if (field.FieldType == FieldType.Enum)
            {
                names.Add(field.EnumType.FullName);
            }
        }
    }

    private static void Set(IMessage message, FieldDescriptor field, int variant, int depth)
    {
        if (field.IsMap)
        {
            var valueField = field.MessageType.FindFieldByNumber(2);
            ((IDictionary)field.Accessor.GetValue(message))[KeyOf(field.MessageType.FindFieldByNumber(1))] = ValueOf(valueField, variant, depth);
        }
        else if (field.IsRepeated)
        {
            var list = (IList)field.Accessor.GetValue(message);
            list.Add(ValueOf(field, variant, depth));
            list.Add(ValueOf(field, variant, depth));
        }
        else
        {
            field.Accessor.SetValue(message, ValueOf(field, variant, depth));
        }
    }

    private static object KeyOf(FieldDescriptor key) => key.FieldType == FieldType.String ? "key" : ValueOf(key, 0, 0);

    private static object ValueOf(FieldDescriptor field, int variant, int depth) => field.FieldType switch
    {
        FieldType.Message or FieldType.Group => Create(field.MessageType, variant, depth + 1),
        FieldType.Enum => System.Enum.ToObject(field.EnumType.ClrType, field.EnumType.Values[^1].Number),
        FieldType.String => "text-" + field.Name,
        FieldType.Bool => true,
        FieldType.Bytes => ByteString.CopyFromUtf8("bytes"),
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => 7,
        FieldType.UInt32 or FieldType.Fixed32 => 7u,
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => 9_007_199_254_740_993L,
        FieldType.UInt64 or FieldType.Fixed64 => 9_007_199_254_740_993UL,
        FieldType.Float => 1.5f,
        FieldType.Double => 2.5d,
        _ => throw new NotSupportedException(field.FieldType.ToString()),
    };
}
