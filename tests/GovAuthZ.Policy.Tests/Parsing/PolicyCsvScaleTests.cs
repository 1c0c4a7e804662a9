using System.Globalization;
using System.Text;
using GovAuthZ.Core.Errors;
using GovAuthZ.Policy.Parsing;

namespace GovAuthZ.Policy.Tests.Parsing;

public sealed class PolicyCsvScaleTests
{
    [Fact]
    public void Read_WhenAMillionLines_StreamsEveryRuleWithItsLine()
    {
        const int lineCount = 1_000_000;
        using var reader = new GeneratedPolicyReader(lineCount);
        var count = 0;
        var last = default(PolicyLine);

        foreach (var line in PolicyCsv.Read(reader, "big.csv"))
        {
            count++;
            last = line;
        }

        Assert.Equal(lineCount, count);
        Assert.Equal(["user999999", "data99", "read"], last.Fields);
        Assert.Equal(new SourceLocation("big.csv", lineCount, 1), last.Location);
    }

    [Fact]
    public void Read_WhenManyLines_AllocatesLittleMoreThanTheFieldStringsAndArrays()
    {
        // Each rule needs three field strings (about 32 bytes each) and a three-slot array (48 bytes); the
        // type string is shared. 256 bytes a rule leaves room for that and nothing per-character.
        const int lineCount = 100_000;
        var text = BuildText(lineCount);
        using var reader = new StringReader(text);
        var count = 0;

        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var line in PolicyCsv.Read(reader, "big.csv"))
        {
            count += line.Fields.Length;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(lineCount * 3, count);
        Assert.InRange(allocated, 0, (lineCount * 256L) + (128 * 1024));
    }

    private static string BuildText(int lineCount)
    {
        var builder = new StringBuilder(lineCount * 24);
        for (var i = 0; i < lineCount; i++)
        {
            builder.Append(CultureInfo.InvariantCulture, $"p, u{i % 1000}, d{i % 100}, read\n");
        }

        return builder.ToString();
    }

    /// <summary>Produces "p, user{i}, data{i % 100}, read" lines on demand, so the test holds no big text.</summary>
    private sealed class GeneratedPolicyReader(int lineCount) : TextReader
    {
        private readonly char[] _line = new char[64];
        private int _next;
        private int _lineLength;
        private int _linePosition;

        public override int Read(char[] buffer, int index, int count)
        {
            var written = 0;
            while (written < count)
            {
                if (_linePosition == _lineLength && !NextLine())
                {
                    break;
                }

                var take = Math.Min(count - written, _lineLength - _linePosition);
                Array.Copy(_line, _linePosition, buffer, index + written, take);
                _linePosition += take;
                written += take;
            }

            return written;
        }

        private bool NextLine()
        {
            if (_next == lineCount)
            {
                return false;
            }

            var span = _line.AsSpan();
            if (!span.TryWrite(CultureInfo.InvariantCulture, $"p, user{_next}, data{_next % 100}, read\n", out _lineLength))
            {
                throw new InvalidOperationException("line buffer too small");
            }

            _linePosition = 0;
            _next++;
            return true;
        }
    }
}
