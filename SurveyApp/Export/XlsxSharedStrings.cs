using System.Globalization;
using System.Runtime.CompilerServices;
using System.Xml;
using SurveyApp.Shared;

namespace SurveyApp.Export;

/// <summary>
/// The workbook's shared strings: text that repeats down a sheet (answer labels, participant types, question texts) is
/// written there once and referred to by its number, which makes big sheets several times smaller to write and to
/// open. Bounded in entries and characters, so its memory does not grow with the rows; text beyond the bounds is
/// written inline, as any other text. Either way a cell holds text, never a formula. Not thread-safe: a workbook's
/// sheets are written by one thread at a time.
/// </summary>
internal sealed class XlsxSharedStrings
{
    internal const string Path = "xl/sharedStrings.xml";

    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<string> _texts = [];
    private readonly int _mostEntries;
    private readonly long _mostCharacters;
    private long _characters;
    private long _uses;

    public XlsxSharedStrings(int mostEntries = 50_000, long mostCharacters = 2_000_000)
    {
        _mostEntries = mostEntries;
        _mostCharacters = mostCharacters;
    }

    public int Count => _texts.Count;

    /// <summary>The text's number, added if there is room; false if the table is full and the text must go inline.</summary>
    public bool TryGetIndex(string text, out int index)
    {
        // A label or a type is mostly the very same string, row after row: found by reference before it is hashed.
        ref var recent = ref _recent[RuntimeHelpers.GetHashCode(text) & (RecentSlots - 1)];
        if (ReferenceEquals(recent.Text, text))
        {
            index = recent.Index;
            _uses++;
            return true;
        }
        if (!_index.TryGetValue(text, out index))
        {
            if (_texts.Count >= _mostEntries || _characters + text.Length > _mostCharacters) return false;
            index = _texts.Count;
            _texts.Add(text);
            _index.Add(text, index);
            _characters += text.Length;
        }
        recent = (text, index);
        _uses++;
        return true;
    }

    private const int RecentSlots = 1024;
    private readonly (string? Text, int Index)[] _recent = new (string?, int)[RecentSlots];

    public void WriteTo(XmlWriter w, string ns)
    {
        w.WriteStartElement("sst", ns);
        w.WriteAttributeString("count", _uses.ToString(CultureInfo.InvariantCulture));
        w.WriteAttributeString("uniqueCount", _texts.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var text in _texts)
        {
            w.WriteStartElement("si", ns);
            w.WriteStartElement("t", ns);
            var clean = CellText.ForXml(text);
            if (XlsxWorksheetWriter.HasOuterSpace(clean))
            {
                w.WriteAttributeString("xml", "space", null, "preserve");
            }
            w.WriteString(clean);
            w.WriteEndElement();
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }
}
