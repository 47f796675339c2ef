using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SurveyApp.Administration.Audit;
using SurveyApp.Administration.Participants;
using SurveyApp.Administration.Waves;
using SurveyApp.Analysis;
using ListSort = SurveyApp.Administration.Participants.ParticipantSort;
using ProgressSort = SurveyApp.Analysis.ParticipantSort;
using SurveyApp.Domain;
using SurveyApp.Storage;
using SurveyApp.Storage.Providers;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Storage;

/// <summary>
/// The staff grids sort in Swedish alphabetical order and search ignoring the case of every letter, in the database
/// of the test run (SQLite, or PostgreSQL on the second pass): the seeded app with the participants
/// <see cref="Added"/> (Zürich of the type Universitet, the others kommun) also invited to its wave, six categories of its survey's first question, and one audit entry by Åsa Öberg.
/// </summary>
public sealed class SwedishTextTests(SwedishTextTests.Data data) : IClassFixture<SwedishTextTests.Data>
{
    /// <summary>In Swedish order: case and accents weigh only between otherwise equal names; å, ä, ö come after z.</summary>
    private static readonly string[] Added = ["Alingsås", "borås", "Émile", "Eslöv", "Zürich", "Åre", "ärla", "Örebro"];

    private const int Survey = 1;

    private const int Wave = 1;

    public sealed class Data : IAsyncLifetime
    {
        public SqlCapture Sql { get; } = new();

        public SurveyAppFactory App { get; }

        public Data() => App = new SurveyAppFactory(services: s => s.AddSingleton<IInterceptor>(Sql));

        public T Get<T>() where T : notnull => App.Services.GetRequiredService<T>();

        public async Task InitializeAsync()
        {
            await using var db = App.CreateDbContext();
            // Added in an order that is neither the Swedish one nor the code points' one.
            var participants = new[] { "Örebro", "Zürich", "ärla", "Alingsås", "Åre", "Eslöv", "borås", "Émile" }
                .Select(name => new Participant { ListId = ModelSurvey.ListId, Name = name, Type = name == "Zürich" ? "Universitet" : "kommun" }).ToList();
            db.Participants.AddRange(participants);
            var question = await db.Questions.Where(q => db.Sections.Any(s => s.Id == q.SectionId && s.SurveyId == Survey)).OrderBy(q => q.Id).FirstAsync();
            db.Categories.AddRange(new[] { "Övrigt", "ekonomi", "Ärenden", "Arbetsmiljö", "Åtgärder", "Fritid" }.Select(name => new Category { QuestionId = question.Id, Name = name }));
            db.AuditLog.Add(new AuditEntry { At = DateTimeOffset.UtcNow, Actor = "Åsa.Öberg@example.se", Action = AuditActions.CsvExported, Subject = "Omgång 1" });
            await db.SaveChangesAsync();
            await Get<InvitationService>().IssueAsync(Wave, participants.Select(p => p.Id));
        }

        public Task DisposeAsync()
        {
            App.Dispose();
            return Task.CompletedTask;
        }
    }

    private static readonly Comparer<string> Swedish = Comparer<string>.Create(SwedishText.Compare);

    private static List<string> OnlyAdded(IEnumerable<string> names) => names.Where(Added.Contains).ToList();

    [Fact]
    public void TheComparisonIsSwedishAndDecidesBetweenTextsThatDifferOnlyInCase()
    {
        Assert.Equal(Added, Added.Reverse().Order(Swedish));
        Assert.True(SwedishText.Compare("Örebro", "zürich") > 0);
        Assert.True(SwedishText.Compare("Åre", "ärla") < 0);
        Assert.NotEqual(0, SwedishText.Compare("åre", "Åre"));
        Assert.Equal(-Math.Sign(SwedishText.Compare("åre", "Åre")), Math.Sign(SwedishText.Compare("Åre", "åre")));
        Assert.Equal(0, SwedishText.Compare("Åre", "Åre"));
    }

    [Fact]
    public async Task TheParticipantListSortsInSwedishOrderBothWays()
    {
        var ascending = (await data.Get<ParticipantQuery>().PageAsync(new(ModelSurvey.ListId), ListSort.Name, false, 0, 100)).Rows.Select(r => r.Name).ToList();
        var descending = (await data.Get<ParticipantQuery>().PageAsync(new(ModelSurvey.ListId), ListSort.Name, true, 0, 100)).Rows.Select(r => r.Name).ToList();

        Assert.Equal(Added, OnlyAdded(ascending));
        Assert.Equal(ascending.Order(Swedish), ascending);
        Assert.Equal(Enumerable.Reverse(ascending), descending);
        // "Landstinget i Dalarna" goes before "Landstinget Sörmland", whatever the case of i and S.
        Assert.True(ascending.IndexOf("Landstinget i Dalarna") < ascending.IndexOf("Landstinget Sörmland"));
    }

    [Fact]
    public async Task TheWavesListsSortInSwedishOrder()
    {
        var invitations = (await data.Get<InvitationQuery>().PageAsync(Wave, new InvitationGridRequest(0, 100))).Rows.Select(r => r.Participant);
        var invitationsDescending = (await data.Get<InvitationQuery>().PageAsync(Wave, new InvitationGridRequest(0, 100, Descending: true))).Rows.Select(r => r.Participant);
        var reminders = (await data.Get<InvitationQuery>().NotAnsweredAsync(Wave))!.Select(r => r.Participant);
        var progress = (await data.Get<ParticipantProgressQuery>().PageAsync(Wave, new ParticipantPageRequest(0, 100, ProgressSort.Name))).Items.Select(p => p.Name);

        Assert.Equal(Added, OnlyAdded(invitations));
        Assert.Equal(Added.Reverse(), OnlyAdded(invitationsDescending));
        Assert.Equal(Added, OnlyAdded(reminders));
        Assert.Equal(Added, OnlyAdded(progress));
        Assert.Equal(progress.Order(Swedish), progress);
    }

    [Fact]
    public async Task CategoriesAreListedInSwedishOrder()
    {
        var categories = (await data.Get<CategoriesQuery>().ListAsync(Survey)).SelectMany(q => q.Categories).Select(c => c.Name);

        Assert.Equal(["Arbetsmiljö", "ekonomi", "Fritid", "Åtgärder", "Ärenden", "Övrigt"], categories);
    }

    [Fact]
    public async Task ParticipantTypesAreListedInSwedishOrder()
    {
        string[] expected = ["kommun", "landsting", "region", "regionförbund", "Universitet"];

        Assert.Equal(expected, await data.Get<ParticipantQuery>().TypesAsync(ModelSurvey.ListId));
        Assert.Equal(expected, (await data.Get<FilterDimensionsQuery>().DimensionsAsync(Wave))[0].Groups);
    }

    [Theory]
    [InlineData("ÅRE", new[] { "Åre" })]
    [InlineData("zür", new[] { "Zürich" })]
    [InlineData("ZÜR", new[] { "Zürich" })]
    [InlineData("ÄRLA", new[] { "ärla" })]
    [InlineData("émile", new[] { "Émile" })]
    [InlineData("ÖREBRO", new[] { "Örebro", "Örebro kommun", "Örebro läns landsting" })]
    [InlineData(" BORÅS ", new[] { "borås" })]
    [InlineData("ÅS", new[] { "Alingsås", "borås" })]
    public async Task EveryGridsNameSearchIgnoresTheCaseOfEveryLetter(string term, string[] expected)
    {
        var participants = await data.Get<ParticipantQuery>().PageAsync(new ParticipantFilter(ModelSurvey.ListId, term), ListSort.Name, false, 0, 100);
        var invitations = await data.Get<InvitationQuery>().PageAsync(Wave, new InvitationGridRequest(0, 100, NameContains: term));
        var progress = await data.Get<ParticipantProgressQuery>().PageAsync(Wave, new ParticipantPageRequest(0, 100, ProgressSort.Name, NameContains: term));

        Assert.Equal(expected, participants.Rows.Select(r => r.Name));
        Assert.Equal(expected.Length, participants.Total);
        Assert.Equal(expected, invitations.Rows.Select(r => r.Participant));
        Assert.Equal(expected.Length, invitations.Total);
        Assert.Equal(expected, progress.Items.Select(p => p.Name));
        Assert.Equal(expected.Length, progress.Total);
    }

    [Fact]
    public async Task TheAuditLogFindsWhoDidItWhateverTheCase()
    {
        var found = await data.Get<AuditLogQuery>().PageAsync(new AuditFilter(Actor: "åsa.ÖBERG", TimeZone: TimeZoneInfo.Utc), false, 0, 25);

        Assert.Equal(["Åsa.Öberg@example.se"], found.Entries.Select(e => e.Actor));
    }

    [Fact]
    public async Task TheDatabaseSortsSearchesAndPagesItself()
    {
        data.Sql.Clear();

        var page = await data.Get<ParticipantQuery>().PageAsync(new ParticipantFilter(ModelSurvey.ListId, "Ö"), ListSort.Name, true, 1, 2);

        var sql = data.Sql.Commands[^1];
        Assert.Matches(@"ORDER BY .*COLLATE ""?swedish""? DESC", sql);
        Assert.Matches(TestDatabase.Provider == StorageProvider.Sqlite ? @"swedish_fold\(" : @"lower\(.* COLLATE ""?swedish""?\)", sql);
        Assert.All(["LIMIT", "OFFSET"], part => Assert.Contains(part, sql));
        Assert.Equal(2, page.Rows.Count);
    }

    /// <summary>The collation and the folding live in the app's connections, not in the file: sqlite3, a backup's check, any tool reads it.</summary>
    [Fact]
    [Trait(TestDatabase.Engine, "Sqlite")]
    public async Task TheSqliteFileNeedsNothingOfTheApp()
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = data.App.DatabasePath, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", await command.ExecuteScalarAsync());
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE sql LIKE '%swedish%'";
        Assert.Equal(0L, await command.ExecuteScalarAsync());
    }

    [Fact]
    [Trait(TestDatabase.Engine, "Sqlite")]
    public async Task SqlitesFoldingLowersEveryLetterAndLeavesNullAlone()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        SqliteSwedishText.Register(connection);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT swedish_fold('ÅRE, ÉMILE, ZÜRICH, Ärla 12'), swedish_fold(NULL), lower('ÅRE')";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();

        Assert.Equal("åre, émile, zürich, ärla 12", reader.GetString(0));
        Assert.True(reader.IsDBNull(1));
        Assert.Equal("Åre", reader.GetString(2)); // SQLite's own lower() folds A–Z only
    }

    [Fact]
    [Trait(TestDatabase.Engine, "Sqlite")]
    public async Task SqlitesCollationSortsInSwedishOrder()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        SqliteSwedishText.Register(connection);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM (" + string.Join(" UNION ALL ", Added.Reverse().Select(n => $"SELECT '{n}' AS name")) + ") ORDER BY name COLLATE swedish";

        Assert.Equal(Added, await NamesAsync(command));
        // Registered once, it holds for every later open of the connection too.
        await connection.CloseAsync();
        await connection.OpenAsync();
        Assert.Equal(Added, await NamesAsync(command));
    }

    private static async Task<List<string>> NamesAsync(SqliteCommand command)
    {
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }
}
