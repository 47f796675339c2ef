namespace SurveyApp.Benchmarks;

/// <summary>Paths inside the repository, found from the build folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string ModelSurvey => Path.Combine(Root, "data", "surveys", "samlingen-uppfoljning-2013.json");

    /// <summary>A file under data/.</summary>
    public static string Data(params string[] path) => Path.Combine([Root, "data", .. path]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SurveyApp.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("SurveyApp.sln not found above " + AppContext.BaseDirectory);
    }
}
