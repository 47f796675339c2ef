using System.Text;
using SurveyApp.Domain;
using SurveyApp.Responding;
using Xunit;

namespace SurveyApp.Tests.Responding;

public sealed class Utf8FormsTests
{
    private static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);

    [Theory]
    [InlineData("q.f1=nej&q.f2=Sm%C3%A5+kommuner%3B+%E2%80%93+bra&nav=next")]
    [InlineData("q.f2=Rad+ett%0D%0ARad+tv%C3%A5%09tabb")]
    [InlineData("")]
    public void AValidFormIsLeftAlone(string body) =>
        Assert.Null(Utf8Forms.Repair(Latin1(body)));

    [Fact]
    public void RawUtf8BytesAreValidToo() =>
        Assert.Null(Utf8Forms.Repair(Encoding.UTF8.GetBytes("q.f2=Små kommuner")));

    [Theory]
    [InlineData("q.f2=Svar+%C3%28", "q.f2=Svar%20%EF%BF%BD%28")]
    [InlineData("q.f1=nej&q.f2=%00", "q.f1=nej&q.f2=%EF%BF%BD")]
    [InlineData("q.%FF=x", "q.%EF%BF%BD=x")]
    public void UnreadableFieldsAreDecodedWithTheReplacementCharacter(string body, string expected) =>
        Assert.Equal(expected, Encoding.Latin1.GetString(Utf8Forms.Repair(Latin1(body))!));

    [Fact]
    public void OnlyTheUnreadableFieldChanges()
    {
        var repaired = Encoding.Latin1.GetString(Utf8Forms.Repair(Latin1("a=Sm%C3%A5&b=%C3%28&c=x+y"))!);

        Assert.Equal("a=Sm%C3%A5&b=%EF%BF%BD%28&c=x+y", repaired);
    }

    [Theory]
    [InlineData("Vanlig text, med å ä ö och – tankstreck", false)]
    [InlineData("Rad ett\r\nRad två\tmed tabb", false)]
    [InlineData("Trasig \uFFFD kodning", true)]
    [InlineData("Nolltecken \0", true)]
    [InlineData("Escape \u001B[2J", true)]
    public void UnreadableTextIsTextWithReplacementOrControlCharacters(string text, bool unreadable) =>
        Assert.Equal(unreadable, AnswerRules.IsUnreadable(text));
}
