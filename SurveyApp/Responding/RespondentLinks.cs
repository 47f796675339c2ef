using Microsoft.Extensions.Options;

namespace SurveyApp.Responding;

// Full respondent links, always built from the configured public address. Never from the request's
// Host header: behind a proxy, or with a forged header, that would put another host into the links an
// administrator sends out.
public sealed class RespondentLinks(IOptions<RespondentLinkOptions> options)
{
    public string For(string path) => options.Value.PublicBaseUrl.TrimEnd('/') + path;
}
