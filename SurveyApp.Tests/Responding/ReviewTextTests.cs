using SurveyApp.Responding;
using Xunit;

namespace SurveyApp.Tests.Responding;

public class ReviewTextTests
{
    [Fact]
    public void AnItemWithoutClosingMarkGetsAColon()
    {
        Assert.Equal("Barn och unga: Instämmer", ReviewText.ItemAnswer("Barn och unga", "Instämmer"));
    }

    [Theory]
    [InlineData("Vi har en rimlig arbetsbelastning.", "Vi har en rimlig arbetsbelastning: Instämmer")]
    [InlineData("Vi har en rimlig arbetsbelastning. ", "Vi har en rimlig arbetsbelastning: Instämmer")]
    [InlineData("Arbetsbelastning:", "Arbetsbelastning: Instämmer")]
    public void AClosingFullStopOrColonGivesWayToTheColon(string item, string expected)
    {
        Assert.Equal(expected, ReviewText.ItemAnswer(item, "Instämmer"));
    }

    [Theory]
    [InlineData("Är arbetsbelastningen rimlig?", "Är arbetsbelastningen rimlig? Instämmer")]
    [InlineData("Vi hinner!", "Vi hinner! Instämmer")]
    [InlineData("Vi hinner med…", "Vi hinner med… Instämmer")]
    [InlineData("Vi hinner med...", "Vi hinner med... Instämmer")]
    public void AQuestionMarkExclamationOrEllipsisIsKeptAndFollowedByTheAnswerAlone(string item, string expected)
    {
        Assert.Equal(expected, ReviewText.ItemAnswer(item, "Instämmer"));
    }
}
