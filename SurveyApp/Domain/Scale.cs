namespace SurveyApp.Domain;

/// <summary>Off-scale options (Vet ej, Vi har ej gått vidare ...) are answers of their own, never a step.</summary>
public class Scale
{
    public int Id { get; set; }
    public int SurveyId { get; set; }
    public required string Key { get; set; }

    // Bipolar (I mycket låg grad … I mycket hög grad) is charted diverging from zero; one-sided
    // (Nej, Ja i viss grad, Ja i hög grad) from zero up.
    public bool Bipolar { get; set; } = true;
    public List<ScaleStep> Steps { get; set; } = [];
    public List<ScaleOffScaleOption> OffScaleOptions { get; set; } = [];
}

/// <summary>Steps are shown in <see cref="Position"/> order; <see cref="Value"/> orders them for statistics.</summary>
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
