namespace SurveyApp.Domain;

/// <summary>
/// An ordered set of labelled steps, reusable by several questions, plus off-scale options
/// (Vet ej, Vi har ej gått vidare ...) that are answers of their own and never a step.
/// </summary>
public class Scale
{
    public int Id { get; set; }
    public int SurveyId { get; set; }
    public required string Key { get; set; }

    /// <summary>
    /// A bipolar scale runs from one pole through a midpoint to the other (I mycket låg grad … I mycket
    /// hög grad) and is charted diverging from zero; a one-sided scale (Nej, Ja i viss grad, Ja i hög grad)
    /// is charted from zero up.
    /// </summary>
    public bool Bipolar { get; set; } = true;
    public List<ScaleStep> Steps { get; set; } = [];
    public List<ScaleOffScaleOption> OffScaleOptions { get; set; } = [];
}

/// <summary>One step of a scale. Steps are shown in <see cref="Position"/> order; <see cref="Value"/> orders them for statistics.</summary>
public class ScaleStep
{
    public int Id { get; set; }
    public int ScaleId { get; set; }
    public int Value { get; set; }
    public required string Label { get; set; }
    public int Position { get; set; }

    public string Code => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public class ScaleOffScaleOption
{
    public int Id { get; set; }
    public int ScaleId { get; set; }
    public required string Code { get; set; }
    public required string Label { get; set; }
    public int Position { get; set; }
}
