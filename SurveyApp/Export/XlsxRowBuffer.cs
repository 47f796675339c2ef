using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace SurveyApp.Export;

/// <summary>
/// The bytes of a worksheet's rows, written as UTF-8 straight into a buffer and passed on to the part's stream when
/// it fills: a sheet of a hundred thousand responses has millions of cells, and an XmlWriter's calls per element and
/// attribute cost several times more than the bytes themselves. Text is escaped here as an XmlWriter would.
/// </summary>
internal sealed class XlsxRowBuffer(Stream output)
{
    private const int Size = 64 * 1024;
    private readonly byte[] _buffer = new byte[Size];
    private int _used;

    public void Write(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > Size - _used)
        {
            Flush();
            if (bytes.Length > Size)
            {
                output.Write(bytes);
                return;
            }
        }
        bytes.CopyTo(_buffer.AsSpan(_used));
        _used += bytes.Length;
    }

    public void Write(long number)
    {
        Room(24);
        Utf8Formatter.TryFormat(number, _buffer.AsSpan(_used), out var written);
        _used += written;
    }

    /// <summary>As the shortest text that reads back as the same double.</summary>
    public void Write(double number)
    {
        Room(32);
        number.TryFormat(_buffer.AsSpan(_used), out var written, "R", CultureInfo.InvariantCulture);
        _used += written;
    }

    /// <summary>Text content: &amp;, &lt; and &gt; escaped, and a carriage return as a character reference so that it survives reading.</summary>
    public void WriteText(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            ReadOnlySpan<byte> escaped = text[i] switch
            {
                '&' => "&amp;"u8,
                '<' => "&lt;"u8,
                '>' => "&gt;"u8,
                '\r' => "&#xD;"u8,
                _ => default,
            };
            if (escaped.IsEmpty) continue;
            WriteChars(text.AsSpan(start, i - start));
            Write(escaped);
            start = i + 1;
        }
        WriteChars(text.AsSpan(start));
    }

    private void WriteChars(ReadOnlySpan<char> chars)
    {
        while (!chars.IsEmpty)
        {
            // At most 3 bytes per UTF-16 unit; a long text goes in pieces that fit the buffer, not split in a surrogate pair.
            var take = Math.Min(chars.Length, Size / 3);
            if (take < chars.Length && char.IsHighSurrogate(chars[take - 1])) take--;
            Room(take * 3);
            _used += Encoding.UTF8.GetBytes(chars[..take], _buffer.AsSpan(_used));
            chars = chars[take..];
        }
    }

    private void Room(int bytes)
    {
        if (Size - _used < bytes) Flush();
    }

    public void Flush()
    {
        if (_used == 0) return;
        output.Write(_buffer, 0, _used);
        _used = 0;
    }
}
