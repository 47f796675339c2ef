namespace SurveyApp.Analysis.Statistics;

/// <summary>Change between two shares, in percentage points.</summary>
public static class ProportionChange
{
    /// <summary>
    /// (<paramref name="toShare"/> − <paramref name="fromShare"/>) × 100: from 0.25 to 0.40 is +15
    /// percentage points, not +60 %. Both shares are fractions 0..1.
    /// </summary>
    public static double PercentagePoints(double fromShare, double toShare)
    {
        EnsureShare(fromShare, nameof(fromShare));
        EnsureShare(toShare, nameof(toShare));
        return (toShare - fromShare) * 100.0;
    }

    private static void EnsureShare(double share, string name)
    {
        if (double.IsNaN(share) || share < 0.0 || share > 1.0)
        {
            throw new ArgumentOutOfRangeException(name, share, "A share is a fraction between 0 and 1.");
        }
    }
}
