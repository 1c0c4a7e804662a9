namespace GovAuthZ.LoadGen.Transport;

/// <summary>
/// A receive buffer owned by one caller and reused for every response, so reading a body allocates
/// nothing once the buffer has grown to the response size.
/// </summary>
internal sealed class ResponseBuffer
{
    /// <summary>A decision response is a few hundred bytes; anything near this is a fault worth reporting.</summary>
    public const int MaxBodyLength = 4 * 1024 * 1024;

    private byte[] _bytes = new byte[4096];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Span => _bytes.AsSpan(0, Length);

    public ReadOnlyMemory<byte> Slice(int offset, int length) => _bytes.AsMemory(offset, length);

    /// <summary>Reads the body to its end (which, for HTTP/2, is also when the trailers have arrived).</summary>
    /// <returns>False when the body exceeds <see cref="MaxBodyLength"/>.</returns>
    public async ValueTask<bool> FillAsync(HttpContent content, CancellationToken cancellationToken)
    {
        Length = 0;
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            while (true)
            {
                if (Length == _bytes.Length)
                {
                    if (_bytes.Length >= MaxBodyLength)
                    {
                        return false;
                    }

                    Array.Resize(ref _bytes, _bytes.Length * 2);
                }

                var read = await stream.ReadAsync(_bytes.AsMemory(Length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return true;
                }

                Length += read;
            }
        }
    }
}
