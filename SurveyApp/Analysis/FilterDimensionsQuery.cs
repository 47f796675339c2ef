using Microsoft.EntityFrameworkCore;
using SurveyApp.Storage;

namespace SurveyApp.Analysis;

/// <summary>
/// What the filter offers for a wave: its invitees' types and each further detail they have, with their groups,
/// whether or not anyone in them answered, and the groups too small to choose. It depends on the wave alone.
/// </summary>
public sealed class FilterDimensionsQuery(IDbContextFactory<SurveyDbContext> factory, ViewSuppression suppression)
{
    /// <summary>The types first, then the details in Swedish order.</summary>
    public async Task<IReadOnlyList<FilterDimension>> DimensionsAsync(int waveId, CancellationToken cancellationToken = default)
    {
        var dimensions = new List<FilterDimension>();
        foreach (var detail in (IEnumerable<string?>)[null, .. await DetailsAsync(waveId, cancellationToken)])
        {
            dimensions.Add(await suppression.DimensionAsync(waveId, detail, cancellationToken));
        }
        return dimensions;
    }

    /// <summary>The further details of the wave's invitees, in Swedish order.</summary>
    public async Task<IReadOnlyList<string>> DetailsAsync(int waveId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await ParticipantGroups.DetailsOfWave(db, waveId).OrderBy(k => EF.Functions.Collate(k, SwedishText.Collation)).ToListAsync(cancellationToken);
    }
}
