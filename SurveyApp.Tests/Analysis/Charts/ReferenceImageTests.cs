using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using SurveyApp.Analysis;
using SurveyApp.Analysis.Charts;
using SurveyApp.Tests.Support;
using Xunit;

namespace SurveyApp.Tests.Analysis.Charts;

/// <summary>
/// A chart of the model wave, drawn as its PNG download is, compared pixel by pixel with a reference image, so
/// that a change in the drawing (layout, colours, labels, fonts) shows as a failed test rather than in a report.
/// </summary>
/// <remarks>
/// When the drawing is meant to change, or the reference no longer matches on a new ScottPlot, SkiaSharp or
/// font: run this class (<c>dotnet test SurveyApp.Tests --filter "FullyQualifiedName~ReferenceImageTests"</c>),
/// look at the image it writes to <c>TestResults/charts/</c> (its path is in the failure message), and if it is
/// right, copy it over <c>SurveyApp.Tests/Analysis/Charts/Reference/</c> and commit it with the change.
/// </remarks>
public sealed class ReferenceImageTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private const string Reference = "fraga-9-uppfoljning-december-2013.png";

    /// <summary>A pixel differs when a colour channel is off by more than this (of 255): anti-aliasing is not a change.</summary>
    private const int ChannelTolerance = 48;

    /// <summary>The share of the pixels that may differ: a few edge pixels of text rendered slightly differently.</summary>
    private const double DifferingShareTolerance = 0.002;

    [Fact]
    public async Task Question9OfTheModelWaveIsDrawnAsTheReferenceImage()
    {
        using var culture = UiCulture.Swedish();
        var png = await Question9PngAsync(results => results);

        var differing = File.Exists(ReferencePath) ? DifferingShare(png, await File.ReadAllBytesAsync(ReferencePath)) : 1;

        if (differing > DifferingShareTolerance)
        {
            var actual = Path.Combine(RepoPaths.Root, "TestResults", "charts", Reference);
            Directory.CreateDirectory(Path.GetDirectoryName(actual)!);
            await File.WriteAllBytesAsync(actual, png);
            Assert.Fail($"{differing:P2} of the pixels differ from {ReferencePath}; the chart as drawn now is {actual}.");
        }
    }

    [Fact]
    public async Task OneAnswerMovedToTheNextStepIsMoreThanTheToleranceAllows()
    {
        // The comparison must see a small real change: one of the 17 answers moved from "I hög grad" to "I mycket hög grad".
        using var culture = UiCulture.Swedish();
        var png = await Question9PngAsync(results => MoveOneAnswer(results, from: 4, to: 5));

        var differing = DifferingShare(png, await File.ReadAllBytesAsync(ReferencePath));

        Assert.True(differing > DifferingShareTolerance, $"only {differing:P2} of the pixels differ");
    }

    private static string ReferencePath => Path.Combine(RepoPaths.Root, "SurveyApp.Tests", "Analysis", "Charts", "Reference", Reference);

    private async Task<byte[]> Question9PngAsync(Func<QuestionResults, QuestionResults> change)
    {
        var results = await fixture.App.Services.GetRequiredService<WaveResultsQuery>().GetAsync(1, ResultsFilter.None);
        var question = change(results!.Questions.Single(q => q.Question.Key == "f9"));
        using var chart = ResultsChart.For(results, question, null)!;
        return chart.ToPng();
    }

    private static QuestionResults MoveOneAnswer(QuestionResults question, int from, int to)
    {
        var main = question.Main;
        var choices = main.Choices.Select(c => c.Value == from ? c with { Count = c.Count - 1 } : c.Value == to ? c with { Count = c.Count + 1 } : c).ToList();
        Assert.NotEqual(main.Choices, choices);
        return question with { Distributions = [main with { Choices = choices }] };
    }

    /// <summary>The share of the pixels whose colour differs beyond <see cref="ChannelTolerance"/>; images of different sizes differ wholly.</summary>
    private static double DifferingShare(byte[] actualPng, byte[] expectedPng)
    {
        using var actual = SKBitmap.Decode(actualPng);
        using var expected = SKBitmap.Decode(expectedPng);
        if (actual.Width != expected.Width || actual.Height != expected.Height)
        {
            return 1;
        }
        var differing = 0;
        for (var y = 0; y < actual.Height; y++)
        {
            for (var x = 0; x < actual.Width; x++)
            {
                var (a, e) = (actual.GetPixel(x, y), expected.GetPixel(x, y));
                if (Math.Abs(a.Red - e.Red) > ChannelTolerance || Math.Abs(a.Green - e.Green) > ChannelTolerance
                    || Math.Abs(a.Blue - e.Blue) > ChannelTolerance || Math.Abs(a.Alpha - e.Alpha) > ChannelTolerance)
                {
                    differing++;
                }
            }
        }
        return (double)differing / (actual.Width * actual.Height);
    }
}
