using System.Diagnostics;

namespace SurveyApp.Tests.Support;

/// <summary>
/// The app published as it is deployed (dotnet publish -c Release, framework-dependent), once per test run
/// and shared by every test that starts it as a process: a published build is what serves the framework's
/// and the packages' static assets in Production.
/// </summary>
public static class PublishedApp
{
    private static readonly Lazy<Task<string>> Published = new(PublishAsync);

    /// <summary>The publish folder, published on first use.</summary>
    public static Task<string> FolderAsync() => Published.Value;

    private static async Task<string> PublishAsync()
    {
        var output = Directory.CreateTempSubdirectory("surveyapp-published-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(output, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "publish", Path.Combine("SurveyApp", "SurveyApp.csproj"), "-c", "Release", "-o", output, "--nologo" })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet publish.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"dotnet publish failed:\n{await stdout}\n{await stderr}");
    }
}
