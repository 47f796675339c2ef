using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;
using SurveyApp.Components;
using SurveyApp.Resources;

namespace SurveyApp.Responding.Pages;

/// <summary>
/// What the respondent pages share: the token from the link, the session it opens, and the status
/// code a link that cannot be used gets. The pages are server-rendered forms; they need no script.
/// </summary>
public abstract class RespondentPageBase : ComponentBase
{
    [Parameter] public string Token { get; set; } = "";

    [CascadingParameter] public HttpContext? HttpContext { get; set; }

    [Inject] protected ResponseService Responses { get; set; } = default!;

    [Inject] protected NavigationManager Navigation { get; set; } = default!;

    [Inject] protected IStringLocalizer<Strings> L { get; set; } = default!;

    protected LinkState State { get; private set; } = LinkState.Unusable;

    protected RespondentSession? Session { get; set; }

    protected override async Task OnInitializedAsync()
    {
        var opened = await Responses.OpenAsync(Token);
        Show(opened.State);
        Session = opened.Session;
    }

    /// <summary>Shows a link problem instead of the page, with its status code.</summary>
    protected void Show(LinkState state)
    {
        State = state;
        Session = state == LinkState.Open ? Session : null;
        SetStatus(state switch
        {
            LinkState.Open => StatusCodes.Status200OK,
            LinkState.Closed => StatusCodes.Status410Gone,
            _ => StatusCodes.Status404NotFound,
        });
    }

    protected void SetStatus(int status)
    {
        HttpContext?.SetOwnStatus(status);
    }

    protected string PagePath(int position) =>
        Session is not null && position >= Session.Sections.Count ? $"/s/{Token}/granska" : $"/s/{Token}/sida/{position + 1}";

    /// <summary>
    /// True while handling a post. A post to a link that became unusable meanwhile (submitted in
    /// another tab) must still find its form, so the pages render an empty one only then.
    /// </summary>
    protected bool IsPost => HttpMethods.IsPost(HttpContext?.Request.Method ?? "");

    protected string WelcomePath => $"/s/{Token}";
}
