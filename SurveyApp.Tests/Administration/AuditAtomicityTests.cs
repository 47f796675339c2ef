using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SurveyApp.Administration;
using SurveyApp.Administration.Participants;
using SurveyApp.Administration.Staff;
using SurveyApp.Administration.Surveys;
using SurveyApp.Administration.Waves;
using SurveyApp.Storage;
using SurveyApp.Tests.Administration.Surveys;
using SurveyApp.Tests.Support;
using Xunit;
using SurveyApp.Administration.Imports;
using SurveyApp.Security;

namespace SurveyApp.Tests.Administration;

/// <summary>
/// Every audited change is stored together with its audit entry: when the entry cannot be inserted, the
/// change is not stored either, and the same action with the log working stores both.
/// </summary>
public sealed class AuditAtomicityTests : IDisposable
{
    private const string Actor = "admin@example.se";
    private readonly FailingAuditInsert _failure = new();
    private readonly SurveyAppFactory _app;

    public AuditAtomicityTests() =>
        _app = new SurveyAppFactory(services: s => s.AddSingleton<IInterceptor>(_failure));

    public void Dispose() => _app.Dispose();

    /// <summary>Fails every insert into the audit log while armed, as a full disk or a lost connection would.</summary>
    private sealed class FailingAuditInsert : DbCommandInterceptor
    {
        public bool Armed { get; set; }

        private void Check(DbCommand command)
        {
            if (Armed && command.CommandText.Contains("INSERT INTO \"AuditLog\"", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("The audit log cannot be written.");
            }
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Check(command);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Check(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Check(command);
            return ValueTask.FromResult(result);
        }
    }

    /// <summary>What the audited actions change, as one text: equal texts, equal state.</summary>
    private async Task<string> StateAsync()
    {
        await using var db = _app.CreateDbContext();
        var state = new StringBuilder();
        foreach (var l in await db.ParticipantLists.AsNoTracking().OrderBy(l => l.Id).ToListAsync()) state.AppendLine($"L {l.Id} {l.Name} {l.SurveyId}");
        foreach (var p in await db.Participants.AsNoTracking().OrderBy(p => p.Id).ToListAsync()) state.AppendLine($"P {p.Id} {p.ListId} {p.Code} {p.Name} {p.Type} {p.IsActive}");
        foreach (var w in await db.Waves.AsNoTracking().OrderBy(w => w.Id).ToListAsync()) state.AppendLine($"W {w.Id} {w.Name} {w.IsClosed}");
        foreach (var i in await db.Invitations.AsNoTracking().OrderBy(i => i.Id).ToListAsync()) state.AppendLine($"I {i.Id} {i.TokenHash} {i.RevokedAt}");
        foreach (var s in await db.Surveys.AsNoTracking().OrderBy(s => s.Id).ToListAsync()) state.AppendLine($"S {s.Id} {s.Title}");
        foreach (var u in await db.Users.AsNoTracking().OrderBy(u => u.Id).ToListAsync()) state.AppendLine($"U {u.Email} {u.LockoutEnd} {u.SecurityStamp}");
        foreach (var r in await db.UserRoles.AsNoTracking().OrderBy(r => r.UserId).ToListAsync()) state.AppendLine($"R {r.UserId} {r.RoleId}");
        state.AppendLine($"responses {await db.Responses.CountAsync()}");
        return state.ToString();
    }

    private async Task<int> EntriesAsync()
    {
        await using var db = _app.CreateDbContext();
        return await db.AuditLog.CountAsync();
    }

    private async Task<int> FirstParticipantAsync()
    {
        await using var db = _app.CreateDbContext();
        return await db.Participants.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
    }

    private async Task<int> ListIdAsync()
    {
        await using var db = _app.CreateDbContext();
        return await db.ParticipantLists.OrderBy(l => l.Id).Select(l => l.Id).FirstAsync();
    }

    private async Task<int> LastParticipantAsync()
    {
        await using var db = _app.CreateDbContext();
        return await db.Participants.OrderBy(p => p.Id).Select(p => p.Id).LastAsync();
    }

    private async Task<int> FirstInvitationAsync()
    {
        await using var db = _app.CreateDbContext();
        return await db.Invitations.OrderBy(i => i.Id).Select(i => i.Id).FirstAsync();
    }

    private async Task<string> StaffIdAsync(string email)
    {
        await using var db = _app.CreateDbContext();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public static TheoryData<string> Actions =>
    [
        "participant added", "participant changed", "participant deactivated", "participants imported", "participant erased",
        "participant list created", "participant list renamed",
        "wave created", "wave closed", "follow-up wave", "invitation revoked", "invitation reissued", "invitations issued",
        "staff created", "staff role changed", "staff deactivated", "staff reactivated",
        "survey imported", "responses imported", "survey created in the editor",
    ];

    private async Task PrepareAsync(string action)
    {
        switch (action)
        {
            case "invitations issued":
                // A participant with no link yet.
                await _app.Services.GetRequiredService<ParticipantAdministration>().AddAsync(Actor, await ListIdAsync(), "Nya kommunen", "kommun");
                break;
            case "staff role changed" or "staff deactivated" or "staff reactivated":
                await _app.CreateStaffAsync("kollega@example.se", StaffRoles.Analyst);
                if (action == "staff reactivated")
                {
                    await _app.CreateStaffAsync(Actor, StaffRoles.Admin);
                    await InScopeAsync(s => s.GetRequiredService<StaffAccounts>().DeactivateAsync(Actor, StaffIdAsync("kollega@example.se").Result));
                }
                break;
        }
    }

    private async Task ActAsync(string action)
    {
        var services = _app.Services;
        var participants = services.GetRequiredService<ParticipantAdministration>();
        var waves = services.GetRequiredService<WaveAdministration>();
        var invitations = services.GetRequiredService<InvitationAdministration>();
        switch (action)
        {
            case "participant added": await participants.AddAsync(Actor, await ListIdAsync(), "Ny region", "region"); break;
            case "participant changed": await participants.UpdateAsync(Actor, await FirstParticipantAsync(), "Nytt namn", "kommun"); break;
            case "participant deactivated": await participants.SetActiveAsync(Actor, await FirstParticipantAsync(), active: false); break;
            case "participants imported": await participants.ImportAsync(Actor, await ListIdAsync(), "deltagare.csv", Encoding.UTF8.GetBytes("name,type\nImporterad kommun,kommun\n")); break;
            case "participant erased": await services.GetRequiredService<ParticipantErasure>().EraseAsync(Actor, await FirstParticipantAsync()); break;
            case "participant list created": await participants.CreateListAsync(Actor, 1, "Ny lista"); break;
            case "participant list renamed": await participants.RenameListAsync(Actor, await ListIdAsync(), "Nytt namn"); break;
            case "wave created": await waves.CreateAsync(Actor, 1, "Ny omgång", null, null); break;
            case "wave closed": await waves.SetClosedAsync(Actor, 1, closed: true); break;
            case "follow-up wave": await waves.CopyAsFollowUpAsync(Actor, 1, "Uppföljning", null, null); break;
            case "invitation revoked": await invitations.RevokeAsync(Actor, await FirstInvitationAsync()); break;
            case "invitation reissued": await invitations.ReissueAsync(Actor, await FirstInvitationAsync()); break;
            case "invitations issued": await invitations.InviteAsync(Actor, 1, [await LastParticipantAsync()]); break;
            case "staff created": await InScopeAsync(s => s.GetRequiredService<StaffAccounts>().CreateAsync(Actor, "ny@example.se", StaffRoles.Analyst)); break;
            case "staff role changed":
                var id = await StaffIdAsync("kollega@example.se");
                await InScopeAsync(s => s.GetRequiredService<StaffAccounts>().SetRoleAsync(Actor, id, StaffRoles.Admin));
                break;
            case "staff deactivated":
                var active = await StaffIdAsync("kollega@example.se");
                await InScopeAsync(s => s.GetRequiredService<StaffAccounts>().DeactivateAsync(Actor, active));
                break;
            case "staff reactivated":
                var inactive = await StaffIdAsync("kollega@example.se");
                await InScopeAsync(s => s.GetRequiredService<StaffAccounts>().ReactivateAsync(Actor, inactive));
                break;
            case "survey imported":
                await services.GetRequiredService<SurveyImporter>().ImportAsync(Encoding.UTF8.GetBytes(SurveyEdits.Json), actor: Actor, fileName: "enkat.json");
                break;
            case "responses imported":
                var csv = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Data, "responses", "samlingen-uppfoljning-2013.csv"));
                var result = await services.GetRequiredService<ResponseImporter>().ImportAsync(1, new StringReader(csv), actor: Actor, fileName: "svar.csv");
                Assert.True(result.Succeeded, string.Join("; ", result.Problems.Select(p => p.Message)));
                break;
            case "survey created in the editor":
                await services.GetRequiredService<SurveyEditing>().CreateAsync(Actor, SurveyEdits.Definition());
                break;
            default: throw new ArgumentException(action);
        }
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task AChangeIsNotStoredWithoutItsAuditEntry(string action)
    {
        _ = _app.Server;
        await PrepareAsync(action);
        var before = await StateAsync();
        var entries = await EntriesAsync();

        _failure.Armed = true;
        await Assert.ThrowsAnyAsync<Exception>(() => ActAsync(action));
        _failure.Armed = false;

        Assert.Equal(before, await StateAsync());
        Assert.Equal(entries, await EntriesAsync());

        // With the log working, the same action stores its change and its entry.
        await ActAsync(action);
        Assert.NotEqual(before, await StateAsync());
        Assert.True(await EntriesAsync() > entries, $"{action}: no audit entry");
    }
}
