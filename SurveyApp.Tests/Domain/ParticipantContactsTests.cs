using SurveyApp.Domain;
using Xunit;

namespace SurveyApp.Tests.Domain;

/// <summary>A participant's addresses: one or more, separated by ";" or ",", each a plain address.</summary>
public sealed class ParticipantContactsTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("kansli@arvika.se")]
    [InlineData("kansli@arvika.se; registrator@arvika.se")]
    [InlineData("a.b-c+d@kommun.example.se,e@region.se,")]
    public void NoAddressOrWellFormedAddressesAreAccepted(string? email) =>
        Assert.Equal((ContactRefusal.None, (string?)null), ParticipantContacts.Check(email));

    [Theory]
    [InlineData("kansli", "kansli")]
    [InlineData("kansli@arvika.se; kansli@", "kansli@")]
    [InlineData("Kansliet <kansli@arvika.se>", "Kansliet <kansli@arvika.se>")]
    [InlineData("kansli@arvika", "kansli@arvika")]
    [InlineData("kansli arvika@arvika.se", "kansli arvika@arvika.se")]
    public void AMalformedAddressIsRefusedAndNamed(string email, string address) =>
        Assert.Equal((ContactRefusal.MalformedAddress, (string?)address), ParticipantContacts.Check(email));

    [Fact]
    public void AFieldLongerThanTheColumnIsRefused() =>
        Assert.Equal(ContactRefusal.TooLong, ParticipantContacts.Check(string.Join(";", Enumerable.Repeat("kansli@arvika.se", 60))).Refusal);

    [Fact]
    public void TheLanguageIsSwedishOrEnglish()
    {
        Assert.Equal(ContactRefusal.None, ParticipantContacts.CheckLanguage("sv"));
        Assert.Equal(ContactRefusal.None, ParticipantContacts.CheckLanguage("en"));
        Assert.Equal(ContactRefusal.UnknownLanguage, ParticipantContacts.CheckLanguage("de"));
        Assert.Equal(["a@b.se", "c@d.se"], ParticipantContacts.Split(" a@b.se ;, c@d.se "));
    }
}
