namespace SurveyApp.Tests.Support;

/// <summary>Paths inside the repository, found from the test's build folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Data => Path.Combine(Root, "data");

    public static string ModelSurvey => Path.Combine(Data, "surveys", "samlingen-uppfoljning-2013.json");

    public static string ModelParticipants => Path.Combine(Data, "participants", "samlingen.csv");

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
