using Microsoft.EntityFrameworkCore;
using SurveyApp.Storage;

namespace SurveyApp.Analysis;

/// <summary>A participant's group on one dimension of the results: its type, or the value of one of its details.</summary>
public sealed class ParticipantGroup
{
    public int ParticipantId { get; set; }
    public string Group { get; set; } = "";
}

/// <summary>
/// The dimensions a wave's results are divided by, as queries the database groups by: the participants' type,
/// or one further detail of the lists (län, storlek). A participant without the detail is in the group ""
/// (shown as "not given"), so that the groups together always hold every participant.
/// </summary>
public static class ParticipantGroups
{
    public static IQueryable<ParticipantGroup> Of(SurveyDbContext db, string? detail) =>
        detail is null
            ? db.Participants.Select(p => new ParticipantGroup { ParticipantId = p.Id, Group = p.Type })
            : db.Participants.Select(p => new ParticipantGroup
            {
                ParticipantId = p.Id,
                Group = db.ParticipantDetails.Where(d => d.ParticipantId == p.Id && d.Key == detail).Select(d => d.Value).FirstOrDefault() ?? "",
            });

    /// <summary>The groups of the wave's invitees, whether or not they answered: what a filter may offer.</summary>
    public static IQueryable<string> OfWave(SurveyDbContext db, int waveId, string? detail) =>
        db.Invitations.Where(i => i.WaveId == waveId)
            .Join(Of(db, detail), i => i.ParticipantId, g => g.ParticipantId, (i, g) => g.Group)
            .Distinct();

    /// <summary>The further details any of the wave's invitees has.</summary>
    public static IQueryable<string> DetailsOfWave(SurveyDbContext db, int waveId) =>
        db.Invitations.Where(i => i.WaveId == waveId)
            .Join(db.ParticipantDetails, i => i.ParticipantId, d => d.ParticipantId, (i, d) => d.Key)
            .Distinct();
}
