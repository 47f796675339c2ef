using CsvHelper;
using SurveyApp.Resources;

namespace SurveyApp.Administration.Imports;

/// <summary>
/// A row must have as many values as the header has columns: a short row would leave its last columns unread
/// and a long one would lose its extra values without a word, so either is a problem on its line.
/// </summary>
public static class CsvRowShape
{
    public static ImportProblem? Check(CsvReader reader, string[] header) =>
        reader.Parser.Count == header.Length
            ? null
            : new ImportProblem(reader.Parser.RawRow, Text.Format("Import.FieldCount", reader.Parser.Count, header.Length));
}
