using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;
using SurveyApp.Components;
using SurveyApp.Resources;

namespace SurveyApp.Responding.Pages;

// The respondent pages are server-rendered forms; they need no script.
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

    // A post to a link that became unusable meanwhile (submitted in another tab) must still find its
    // form, so the pages render an empty one only then.
    protected bool IsPost => HttpMethods.IsPost(HttpContext?.Request.Method ?? "");

    protected string WelcomePath => $"/s/{Token}";
}
