using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace SurveyApp.Components.Layout;

// Behind a reverse proxy (docs/several-instances.md), the client's own address and scheme come from the
// proxy's X-Forwarded-For and X-Forwarded-Proto headers, believed only from the addresses listed in
// ReverseProxy:KnownProxies. The wrong-link limit then counts each client, not the proxy.
public static class ReverseProxy
{
    public const string Section = "ReverseProxy";

    public static WebApplicationBuilder AddReverseProxy(this WebApplicationBuilder builder)
    {
        var proxies = builder.Configuration.GetSection($"{Section}:KnownProxies").Get<string[]>() ?? [];
        var addresses = new List<IPAddress>();
        foreach (var proxy in proxies.Where(p => !string.IsNullOrWhiteSpace(p)))
        {
            addresses.Add(IPAddress.TryParse(proxy.Trim(), out var address)
                ? address
                : throw new InvalidOperationException($"{Section}:KnownProxies: \"{proxy}\" is not an IP address."));
        }
        if (addresses.Count == 0)
        {
            return builder; // no proxy named: the headers are never believed
        }
        builder.Services.AddSingleton(new KnownProxies(addresses));
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            addresses.ForEach(options.KnownProxies.Add);
            options.ForwardLimit = 1;
        });
        return builder;
    }

    public static void UseReverseProxy(this WebApplication app)
    {
        if (app.Services.GetService<KnownProxies>() is not null)
        {
            app.UseForwardedHeaders();
        }
    }

    private sealed record KnownProxies(IReadOnlyList<IPAddress> Addresses);
}
