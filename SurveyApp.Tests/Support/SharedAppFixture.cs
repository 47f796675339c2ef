namespace SurveyApp.Tests.Support;

/// <summary>
/// One app with the model survey seeded (<see cref="SurveyAppFactory"/>), shared by the tests of a class that only
/// read from it (<c>IClassFixture&lt;SharedAppFixture&gt;</c>): it starts on first use and stops after the class.
/// A class whose tests change the data starts an app per test instead.
/// </summary>
public sealed class SharedAppFixture : IDisposable
{
    public SurveyAppFactory App { get; } = new();

    public void Dispose() => App.Dispose();
}
