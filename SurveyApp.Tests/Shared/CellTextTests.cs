using SurveyApp.Export;
using Xunit;
using SurveyApp.Shared;

namespace SurveyApp.Tests.Shared;

public sealed class CellTextTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"Klicka\")")]
    [InlineData("+cmd|' /C calc'!A0")]
    [InlineData("-1+2")]
    [InlineData("@SUM(A1)")]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    [InlineData("-")]
    [InlineData("=")]
    public void TextThatASpreadsheetCouldEvaluateIsFormulaLike(string text)
    {
        Assert.True(CellText.IsFormulaLike(text));
        Assert.Equal("'" + text, CellText.ForCsv(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Utbyte av tankar med andra kommuner.")]
    [InlineData("Göteborgs stad – å, ä, ö")]
    [InlineData("12")]
    [InlineData("-2")]
    [InlineData("+3")]
    [InlineData("3.5")]
    [InlineData("-0,75")]
    [InlineData("a = b")]
    [InlineData(" =1")]
    public void OrdinaryTextAndNumbersAreLeftAlone(string text)
    {
        Assert.False(CellText.IsFormulaLike(text));
        Assert.Equal(text, CellText.ForCsv(text));
    }

    [Theory]
    [InlineData("-1.", true)]
    [InlineData("-1e5", true)]
    [InlineData("--1", true)]
    [InlineData("+", true)]
    public void OnlyPlainNumbersEscapeTheRule(string text, bool formulaLike) =>
        Assert.Equal(formulaLike, CellText.IsFormulaLike(text));

    [Fact]
    public void ForXmlLeavesOrdinaryTextAsItIs()
    {
        const string text = "Rad ett\r\nRad två\tmed tabb, åäö ÅÄÖ och emoji 😀";

        Assert.Same(text, CellText.ForXml(text));
    }

    [Fact]
    public void ForXmlEscapesCharactersXmlCannotHold()
    {
        Assert.Equal("a_x0001_b_x001F_", CellText.ForXml("a\u0001b\u001F"));
        Assert.Equal("_xD800_x", CellText.ForXml("\uD800x"));
    }

    [Fact]
    public void ForXmlEscapesAnUnderscoreThatWouldReadAsAnEscape()
    {
        Assert.Equal("_x005F_x0041_ och _x_", CellText.ForXml("_x0041_ och _x_"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(33)]
    [InlineData(200)]
    public void ForXmlFindsWhatMustBeEscapedAfterAnyLengthOfOrdinaryText(int ordinary)
    {
        // Ordinary characters are checked many at a time; what follows them is still looked at one by one.
        var prefix = new string('å', ordinary);
        Assert.Equal(prefix + "_x0001_", CellText.ForXml(prefix + "\u0001"));
        Assert.Equal(prefix + "_x005F_x00E5_", CellText.ForXml(prefix + "_x00E5_"));
        Assert.Equal(prefix + "_xDFFF_ 😀 _x", CellText.ForXml(prefix + "\uDFFF 😀 _x"));
        var plain = prefix + "_x_ 😀\t\n" + prefix;
        Assert.Same(plain, CellText.ForXml(plain));
    }
}
