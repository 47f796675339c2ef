using System.Diagnostics;
using Xunit;

namespace SurveyApp.Tests.Support;

/// <summary>Runs a program that reads what the app wrote (LibreOffice, poppler's pdf tools, Python) and returns what it printed.</summary>
public static class ExternalProgram
{
    public static async Task<string> RunAsync(string program, params string[] arguments)
    {
        Assert.True(File.Exists(program), $"{program} is missing; test.sh installs it.");
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = System.Text.Encoding.UTF8 };
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        Assert.True(process.ExitCode == 0, $"{program} failed: {await errors}");
        return await output;
    }

    /// <summary>Converts a workbook or document to PDF with LibreOffice, with a profile of its own so that conversions at the same time do not wait for each other.</summary>
    public static async Task<string> ToPdfAsync(string file)
    {
        var folder = Path.GetDirectoryName(file)!;
        await RunAsync("/usr/bin/soffice", $"-env:UserInstallation=file://{folder}/profile-{Guid.NewGuid():N}", "--headless", "--convert-to", "pdf", "--outdir", folder, file);
        var pdf = Path.ChangeExtension(file, ".pdf");
        Assert.True(File.Exists(pdf), $"LibreOffice wrote no {pdf}");
        return pdf;
    }

    public static async Task<int> PdfPagesAsync(string pdf)
    {
        var info = await RunAsync("/usr/bin/pdfinfo", pdf);
        var line = info.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal));
        return int.Parse(line["Pages:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
