namespace SurveyApp.Analysis.Statistics;

/// <summary>Tail probabilities of the standard normal distribution, accurate to about 1e-15.</summary>
public static class StandardNormal
{
    // P(|Z| ≥ |z|), at most 1.
    public static double TwoSidedPValue(double z) => Math.Min(1.0, Erfc(Math.Abs(z) / Math.Sqrt(2.0)));

    // A Taylor series of erf (all terms positive) for small |x|, where 1 − erf loses nothing that matters,
    // and a continued fraction for the tail, where it keeps full relative accuracy for tiny p-values.
    internal static double Erfc(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }
        if (x < 0.0)
        {
            return 2.0 - Erfc(-x);
        }
        if (x < 2.5)
        {
            return 1.0 - ErfSeries(x);
        }
        if (x > 27.0)
        {
            return 0.0;
        }
        return ErfcContinuedFraction(x);
    }

    // erf(x) = 2/√π · e^(−x²) · Σ 2^k x^(2k+1) / (1·3·…·(2k+1))
    private static double ErfSeries(double x)
    {
        var term = x;
        var sum = x;
        var x2 = x * x;
        for (var k = 1; k < 200; k++)
        {
            term *= 2.0 * x2 / (2 * k + 1);
            sum += term;
            if (term < sum * 1e-17)
            {
                break;
            }
        }
        return 2.0 / Math.Sqrt(Math.PI) * Math.Exp(-x2) * sum;
    }

    // erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + …))))), by Lentz's method.
    private static double ErfcContinuedFraction(double x)
    {
        const double tiny = 1e-300;
        var f = x;
        var c = x;
        var d = 0.0;
        for (var k = 1; k < 500; k++)
        {
            var a = k / 2.0;
            d = x + a * d;
            d = Math.Abs(d) < tiny ? tiny : d;
            c = x + a / c;
            c = Math.Abs(c) < tiny ? tiny : c;
            d = 1.0 / d;
            var delta = c * d;
            f *= delta;
            if (Math.Abs(delta - 1.0) < 1e-16)
            {
                break;
            }
        }
        return Math.Exp(-x * x) / Math.Sqrt(Math.PI) / f;
    }
}
