using System.Text;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SurveyApp.Administration.Waves;
using SurveyApp.Domain;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Administration.Waves;

/// <summary>Admins upload responses collected elsewhere; a file with any wrong row imports nothing and lists every problem by line.</summary>
public sealed class ResponseUploadTests : IDisposable
{
    private const string Header = "participant,f1,f2,f3,f4,f5,f6,f7,f8,f9,framgangsfaktorer,hinder.1,hinder.2,hinder.3,skl-stod";
    private readonly SurveyAppFactory _app = new();

    private static string Row(string participant, string f1 = "nej") => $"{participant},{f1},,,,4,Strategi,3,3,4,Stöd,Prioritering,,,";

    public void Dispose() => _app.Dispose();

    private Task<SurveyApp.Administration.Imports.ImportResult> UploadAsync(byte[]? file, int waveId = 1) =>
        _app.Services.GetRequiredService<ResponseUpload>().ImportAsync("admin@example.org", waveId, file is null ? null : new UploadedBytes("svar.csv", file));

    private async Task<(int Responses, List<AuditEntry> Audit)> StoredAsync()
    {
        await using var db = _app.CreateDbContext();
        return (await db.Responses.CountAsync(), await db.AuditLog.ToListAsync());
    }

    [Fact]
    public async Task AValidFileIsImportedAndLogged()
    {
        var result = await UploadAsync(Encoding.UTF8.GetBytes(string.Join("\n", Header, Row("Arvika kommun"), Row("Botkyrka kommun"))));

        Assert.True(result.Succeeded);
        Assert.Equal(2, result.Imported);
        var (responses, audit) = await StoredAsync();
        Assert.Equal(2, responses);
        var entry = Assert.Single(audit);
        Assert.Equal(AuditActions.ResponsesImported, entry.Action);
        Assert.Contains("svar.csv", $"{entry.Subject} {entry.Details}", StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileWithWrongRowsListsThemByLineAndImportsNothing()
    {
        var result = await UploadAsync(Encoding.UTF8.GetBytes(string.Join("\n", Header,
            Row("Arvika kommun"), Row("Arvika kommun"), Row("<script>alert(1)</script>"), Row("Botkyrka kommun", f1: "kanske"))));

        Assert.False(result.Succeeded);
        Assert.Equal([3, 4, 5], result.Problems.Select(p => p.Line));
        Assert.Equal("okänd deltagare '<script>alert(1)</script>'", result.Problems[1].Message);
        Assert.Equal(("f1", "f1", "kanske"), (result.Problems[2].Column, result.Problems[2].Question, result.Problems[2].Value));
        var (responses, audit) = await StoredAsync();
        Assert.Equal(0, responses);
        Assert.Empty(audit);
    }

    [Theory]
    [InlineData(null, "Välj en CSV- eller Excel-fil")]
    [InlineData("empty", "Välj en CSV- eller Excel-fil")]
    [InlineData("large", "större än 10 MB")]
    [InlineData("latin1", "inte kunde läsas")]
    [InlineData("json", "okänd kolumn")]
    [InlineData("wave", "Omgången finns inte.")]
    public async Task NoFileAFileTooLargeInTheWrongEncodingOrFormatOrForNoWaveImportsNothing(string? kind, string message)
    {
        var file = kind switch
        {
            "empty" => [],
            "large" => new byte[ResponseUpload.MaxBytes + 1],
            "latin1" => Encoding.Latin1.GetBytes(string.Join("\n", Header, Row("Arvika kommun").Replace("Stöd", "Stöd för jämlik hälsa"))),
            "json" => Encoding.UTF8.GetBytes("{\"participant\": \"Arvika kommun\"}"),
            "wave" => Encoding.UTF8.GetBytes(string.Join("\n", Header, Row("Arvika kommun"))),
            _ => null,
        };

        var result = await UploadAsync(file, waveId: kind == "wave" ? 99 : 1);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.Message.Contains(message, StringComparison.Ordinal));
        Assert.Equal(0, (await StoredAsync()).Responses);
    }

    /// <summary>A file as the browser hands it over; reading more than the limit fails, as the browser's stream does.</summary>
    private sealed class UploadedBytes(string name, byte[] content) : IBrowserFile
    {
        public string Name => name;
        public DateTimeOffset LastModified => DateTimeOffset.UnixEpoch;
        public long Size => content.Length;
        public string ContentType => "text/csv";

        public Stream OpenReadStream(long maxAllowedSize = 512000, CancellationToken cancellationToken = default) =>
            content.Length > maxAllowedSize ? throw new IOException("Too large.") : new MemoryStream(content, writable: false);
    }
}
