using SurveyApp.Domain;
using SurveyApp.Mail;
using Xunit;

namespace SurveyApp.Tests.Mail;

/// <summary>Fields in braces, in either language's names; what a text must and must not hold.</summary>
public sealed class MessageTemplateTests
{
    private static readonly TemplateValues Values = new("Arvika kommun", "https://enkat.example/s/abc", "31 december 2026 kl. 23:59", "Enkätgruppen");

    [Theory]
    [InlineData("{namn} {länk} {sista dag} {avsändare}")]
    [InlineData("{name} {link} {closes} {sender}")]
    [InlineData("{ Namn } {LINK} {Sista Dag} {Sender}")]
    public void SwedishAndEnglishFieldNamesFillInTheSameValues(string template)
    {
        Assert.Equal(new TemplateProblem(TemplateRefusal.None), MessageTemplate.CheckBody(template));
        Assert.Equal("Arvika kommun https://enkat.example/s/abc 31 december 2026 kl. 23:59 Enkätgruppen", MessageTemplate.RenderText(template, Values));
    }

    [Fact]
    public void DoubledBracesStandForABrace() =>
        Assert.Equal("{namn} är Arvika kommun}", MessageTemplate.RenderText("{{namn}} är {namn}}}", Values));

    [Theory]
    [InlineData("Hej {namnet}! {länk}", TemplateRefusal.UnknownField, "{namnet}")]
    [InlineData("Hej {namn! {länk}", TemplateRefusal.UnclosedBrace, "{namn! {länk}")]
    [InlineData("Hej {namn}", TemplateRefusal.MissingLink, "")]
    [InlineData("  ", TemplateRefusal.Empty, "")]
    public void ABodyWithAnUnknownFieldAnOpenBraceOrNoLinkIsRefused(string body, TemplateRefusal refusal, string detail) =>
        Assert.Equal(new TemplateProblem(refusal, detail), MessageTemplate.CheckBody(body));

    [Fact]
    public void ASubjectNeedsNoLinkButNoUnknownField()
    {
        Assert.Equal(TemplateRefusal.None, MessageTemplate.CheckSubject("Enkät till {namn}").Refusal);
        Assert.Equal(TemplateRefusal.UnknownField, MessageTemplate.CheckSubject("Enkät {omgång}").Refusal);
        Assert.Equal(TemplateRefusal.TooLong, MessageTemplate.CheckSubject(new string('x', 201)).Refusal);
    }

    [Fact]
    public void TheHtmlPartEncodesTheTextAndTheValuesAndMakesTheLinkAnAnchor()
    {
        var values = Values with { Name = "<script>alert(1)</script> & Co" };

        var html = MessageTemplate.RenderHtml("Hej {namn}!\n\n<Svara> här:\n{länk}", values);

        Assert.Contains("<p>Hej &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co!</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p>&lt;Svara&gt; här:<br>\n<a href=\"https://enkat.example/s/abc\">https://enkat.example/s/abc</a></p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MessageKind.Invitation, "sv")]
    [InlineData(MessageKind.Invitation, "en")]
    [InlineData(MessageKind.Reminder, "sv")]
    [InlineData(MessageKind.Reminder, "en")]
    public void TheDefaultTextsAreValidAndCarryTheLink(MessageKind kind, string language)
    {
        var text = MailTexts.Default(kind, language);

        Assert.Equal(TemplateRefusal.None, MessageTemplate.CheckSubject(text.Subject).Refusal);
        Assert.Equal(TemplateRefusal.None, MessageTemplate.CheckBody(text.Body).Refusal);
        Assert.Contains(Values.Link, MessageTemplate.RenderText(text.Body, Values), StringComparison.Ordinal);
        Assert.True(text.IsDefault);
    }

    [Fact]
    public void TheClosingDateIsWrittenAsEachLanguageWritesIt()
    {
        var closes = new DateTimeOffset(2026, 12, 31, 22, 59, 0, TimeSpan.Zero);
        var stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

        Assert.Equal("31 december 2026 kl. 23:59", MailTexts.Closes(closes, "sv", stockholm));
        Assert.Equal("31 December 2026 at 23:59", MailTexts.Closes(closes, "en", stockholm));
        Assert.Equal("tills vidare", MailTexts.Closes(null, "sv"));
    }
}
