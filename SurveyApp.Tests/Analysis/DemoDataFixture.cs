using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Analysis;

/// <summary>One app on a real SQLite file with the demo responses, shared by test classes that only read.</summary>
public sealed class DemoDataFixture : IDisposable
{
    public SurveyAppFactory App { get; } = new(demoResponses: true);

    public void Dispose() => App.Dispose();
}

/// <summary>The query tests, one class per query, share one app so that the demo data is loaded once for all of them.</summary>
[CollectionDefinition(Name)]
public sealed class DemoDataCollection : ICollectionFixture<DemoDataFixture>
{
    public const string Name = "Demo data";
}
