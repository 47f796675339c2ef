using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace SurveyApp.Responding;

// Only failures use up a client's bucket; a valid link always works, whatever else came from its
// address, because many respondents share one (docs/reliability.md, "Wrong links").
public sealed class WrongLinkLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public WrongLinkLimiter(IOptions<WrongLinkOptions> options)
    {
        var limit = Math.Max(1, options.Value.Limit);
        var period = TimeSpan.FromSeconds(Math.Max(0.001, options.Value.SecondsPerLink));
        _limiter = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetTokenBucketLimiter(client, _ =>
            new TokenBucketRateLimiterOptions
            {
                TokenLimit = limit,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = period,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
        RetryAfter = period;
    }

    public TimeSpan RetryAfter { get; }

    // Asked through the statistics, which count whole permits: the bucket refills continuously, so a
    // zero-permit probe succeeds on any fraction of one.
    public bool IsStopped(string client) => _limiter.GetStatistics(client)?.CurrentAvailablePermits < 1;

    public void CountWrongLink(string client)
    {
        using var _ = _limiter.AttemptAcquire(client, 1);
    }

    public void Dispose() => _limiter.Dispose();
}

public static class WrongLinkLimitExtensions
{
    private static readonly PathString SurveyLinks = "/s";

    public static WebApplicationBuilder AddWrongLinkLimit(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<WrongLinkOptions>().BindConfiguration(WrongLinkOptions.Section)
            .Validate(o => o.Limit >= 1, $"{WrongLinkOptions.Section}:{nameof(WrongLinkOptions.Limit)} must be at least 1.")
            .Validate(o => o.SecondsPerLink > 0, $"{WrongLinkOptions.Section}:{nameof(WrongLinkOptions.SecondsPerLink)} must be more than 0.")
            .ValidateOnStart();
        builder.Services.AddSingleton<WrongLinkLimiter>();
        return builder;
    }

    // An unusable link is one the respondent pages answer with 404: unknown, revoked and used links alike.
    public static IApplicationBuilder UseWrongLinkLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!context.Request.Path.StartsWithSegments(SurveyLinks))
        {
            await next(context);
            return;
        }
        var limiter = context.RequestServices.GetRequiredService<WrongLinkLimiter>();
        var client = (context.Connection.RemoteIpAddress ?? IPAddress.None).ToString();
        // A stopped address still reaches the survey with a valid link: the limit must never let one
        // person keep an organisation behind the same proxy from answering. With 256-bit tokens, telling
        // valid links apart this way gives a guesser nothing.
        if (limiter.IsStopped(client) && !await IsRespondentLinkAsync(context))
        {
            // No content: the status code pages show the "too many wrong links" page in the app's layout.
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = Math.Ceiling(limiter.RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return;
        }
        // Counted as the answer starts, before the client can see it and try again.
        context.Response.OnStarting(() =>
        {
            if (context.Response.StatusCode == StatusCodes.Status404NotFound)
            {
                limiter.CountWrongLink(client);
            }
            return Task.CompletedTask;
        });
        await next(context);
    });

    private static Task<bool> IsRespondentLinkAsync(HttpContext context)
    {
        var token = context.Request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries) is [_, var first, ..] ? first : "";
        return context.RequestServices.GetRequiredService<ResponseService>()
            .IsRespondentLinkAsync(token, HttpMethods.IsPost(context.Request.Method), context.RequestAborted);
    }
}
