using SurveyApp.Resources;
using SurveyApp.Responding;
using SurveyApp.Shared;

namespace SurveyApp.Administration.Waves;

/// <summary>
/// New invitation links as a CSV file (UTF-8 with BOM, formula-safe), made in memory and handed to the admin's
/// browser once: it is the only place the links exist in clear, so it is never stored, cached or logged. Its headings
/// are in the admin's language and its delimiter is the one their spreadsheet splits on, so it opens in columns.
/// </summary>
public sealed class InvitationLinksCsv(RespondentLinks links)
{
    public static IReadOnlyList<string> Header => [Text.Get("Invitations.Participant"), Text.Get("Invitations.Type"), Text.Get("Invitations.Link")];

    public byte[] Write(IReadOnlyList<IssuedInvitation> issued)
    {
        var csv = new CsvRowWriter(TextWriter.Null, CsvRowWriter.LocalDelimiter);
        var text = string.Concat(new[] { csv.Line(Header) }.Concat(issued.Select(i => csv.Line([i.ParticipantName, i.ParticipantType, links.For(i.Path)]))));
        return [.. CsvRowWriter.Encoding.GetPreamble(), .. CsvRowWriter.Encoding.GetBytes(text)];
    }

    /// <summary>The address a respondent opens, built from the configured public address, never from a request.</summary>
    public string Link(string token) => links.For($"/s/{token}");

    public static string FileName(int waveId) => $"lankar-omgang-{waveId}.csv";

    public static string MissingFileName(int waveId) => $"nya-lankar-omgang-{waveId}.csv";
}
