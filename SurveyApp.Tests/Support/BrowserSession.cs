using System.Collections.Concurrent;
using System.Diagnostics;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit;

namespace SurveyApp.Tests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright. Every page checked with <see cref="CheckPageAsync"/> is
/// audited by axe-core and photographed at desktop width and at a phone's 390 px.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 900 };
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private const int KeptEvents = 80;

    private readonly IPlaywright _playwright;
    private readonly ConcurrentQueue<string> _events = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private IPage? _lastPage;
    private int _shot;

    private BrowserSession(IPlaywright playwright, IBrowser browser, string screenshots)
    {
        _playwright = playwright;
        Browser = browser;
        Screenshots = screenshots;
    }

    public IBrowser Browser { get; }

    public string Screenshots { get; }

    public static async Task<BrowserSession> LaunchAsync(string journey)
    {
        Assertions.SetDefaultExpectTimeout(20_000);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var folder = Path.Combine(RepoPaths.Root, "TestResults", "screenshots", journey);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
        Directory.CreateDirectory(folder);
        return new BrowserSession(playwright, browser, folder);
    }

    /// <summary>A fresh browser context. Time limits are generous: the machines that run the tests are shared and busy.</summary>
    public async Task<IBrowserContext> NewContextAsync(bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = Desktop, JavaScriptEnabled = javaScript, Locale = "sv-SE" });
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        context.Page += (_, page) => Watch(page);
        return context;
    }

    /// <summary>
    /// Runs a journey; if it fails, the failure says what the browser showed and heard and what the app
    /// printed: the address, the page's text, whether Blazor's reconnection or error notice was up, the
    /// browser's console, navigations and circuit connections, and the app's last log lines. A screenshot of
    /// that moment is saved as <c>failure.png</c> beside the journey's other screenshots.
    /// </summary>
    public async Task ExplainFailureAsync(AppProcess app, Func<Task> journey)
    {
        try
        {
            await journey();
        }
        catch (Exception failure)
        {
            throw new JourneyFailure($"{failure.Message}\n\n{await DescribeAsync(app)}", failure);
        }
    }

    private void Watch(IPage page)
    {
        _lastPage = page;
        page.Console += (_, message) => Keep($"console {message.Type}: {message.Text}");
        page.PageError += (_, error) => Keep($"page error: {error}");
        page.FrameNavigated += (_, frame) => { if (frame == page.MainFrame) Keep($"navigated to {frame.Url}"); };
        page.WebSocket += (_, socket) =>
        {
            Keep($"web socket opened: {socket.Url}");
            socket.Close += (_, _) => Keep($"web socket closed: {socket.Url}");
        };
        page.Crash += (_, _) => Keep("page crashed");
    }

    private void Keep(string text)
    {
        _events.Enqueue($"{_clock.Elapsed.TotalSeconds,7:0.0} s  {text}");
        while (_events.Count > KeptEvents && _events.TryDequeue(out _)) { }
    }

    private const string PageStateScript = """
        () => {
            const reconnect = document.getElementById('components-reconnect-modal');
            const error = document.getElementById('blazor-error-ui');
            const shown = e => e ? (e.open || getComputedStyle(e).display !== 'none' ? 'shown' : 'hidden') : 'absent';
            const text = document.body ? document.body.innerText : '';
            return `reconnection notice ${shown(reconnect)}, error notice ${shown(error)}\n`
                + (text.length > 3000 ? text.slice(0, 3000) + '…' : text);
        }
        """;

    private async Task<string> DescribeAsync(AppProcess app)
    {
        var shown = "no page";
        if (_lastPage is { IsClosed: false } page)
        {
            try
            {
                await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "failure.png"), FullPage = true, Timeout = 10_000 });
                shown = $"{page.Url}; {await page.EvaluateAsync<string>(PageStateScript)}";
            }
            catch (PlaywrightException e)
            {
                shown = $"{page.Url} (not readable: {e.Message.Split('\n')[0]})";
            }
        }
        var output = app.Output.Split('\n');
        return $"The browser showed {shown}\n\nWhat the browser heard:\n{string.Join('\n', _events)}\n\n"
            + $"What the app printed last:\n{string.Join('\n', output.Skip(Math.Max(0, output.Length - 60)))}";
    }

    /// <summary>
    /// Runs axe-core and takes full-page screenshots at desktop and phone width; with
    /// <paramref name="fitsPhone"/>, also asserts that the page reads on a phone without sideways scrolling.
    /// </summary>
    public async Task CheckPageAsync(IPage page, string name, bool fitsPhone = false)
    {
        var number = Interlocked.Increment(ref _shot);
        foreach (var (width, viewport) in new[] { ("desktop", Desktop), ("phone", Phone) })
        {
            await ResizeAsync(page, viewport);
            await AssertAccessibleAsync(page, $"{name} ({width})");
            await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, $"{number:00}-{name}-{width}.png"), FullPage = true });
            if (fitsPhone && width == "phone")
            {
                await AssertFitsWidthAsync(page, name);
            }
        }
        await ResizeAsync(page, Desktop);
    }

    /// <summary>
    /// Resizes the page and waits until a live staff page has followed: its menu drawer closes on a phone and opens
    /// on a wide screen after a round trip to the server, and until then the page's content is still moving (a
    /// click meant for a button could land beside it).
    /// </summary>
    public static async Task ResizeAsync(IPage page, ViewportSize size)
    {
        await page.SetViewportSizeAsync(size.Width, size.Height);
        const string followed = """
            phone => {
                const drawer = document.querySelector('#staff-drawer');
                return !drawer || !document.querySelector('main[data-live=true]')
                    || drawer.classList.contains(phone ? 'mud-drawer--closed' : 'mud-drawer--open');
            }
            """;
        var phone = size.Width < 960;
        if (!await page.EvaluateAsync<bool>(followed, phone))
        {
            await page.WaitForFunctionAsync(followed, phone, new() { PollingInterval = 50, Timeout = 30_000 });
        }
    }

    /// <summary>
    /// The page is no wider than the viewport (a wide table may scroll only inside its own
    /// <c>.table-scroll</c> area), a grid drawn as cards is no wider than its box (a card's content would be cut
    /// off at the box's edge), and no chart label is shortened to an ellipsis.
    /// </summary>
    public static async Task AssertFitsWidthAsync(IPage page, string name)
    {
        var layout = await page.EvaluateAsync<FitResult>("""
            () => {
                const viewport = document.documentElement.clientWidth;
                const overflowing = Array.from(document.querySelectorAll('body *'))
                    .filter(e => e.getBoundingClientRect().right > viewport + 0.5
                        && (!e.parentElement.closest('.table-scroll') || getComputedStyle(e).position === 'absolute'))
                    .slice(0, 5)
                    .map(e => `${e.tagName.toLowerCase()}.${e.getAttribute('class') ?? ''} (right edge ${Math.round(e.getBoundingClientRect().right)} px)`);
                const shortened = Array.from(document.querySelectorAll('.chart svg text'))
                    .map(t => t.textContent.trim())
                    .filter(t => t.endsWith('\u2026'));
                const cutCards = Array.from(document.querySelectorAll('.mud-xs-table .mud-table-root'))
                    .filter(t => t.getBoundingClientRect().width > t.parentElement.clientWidth + 0.5)
                    .map(t => `${t.closest('[aria-label]')?.getAttribute('aria-label') ?? 'grid'} (${Math.round(t.getBoundingClientRect().width)} px in ${t.parentElement.clientWidth} px)`);
                return { viewport, document: document.documentElement.scrollWidth, overflowing, shortened, cutCards };
            }
            """);
        Assert.True(layout.Document <= layout.Viewport,
            $"{name} ({page.Url}) is {layout.Document} px wide in a {layout.Viewport} px viewport; beyond it: {string.Join(", ", layout.Overflowing)}");
        Assert.True(layout.CutCards.Length == 0, $"{name} ({page.Url}) has grid cards wider than their box: {string.Join(", ", layout.CutCards)}");
        Assert.True(layout.Shortened.Length == 0, $"{name} ({page.Url}) has shortened chart labels: {string.Join(", ", layout.Shortened)}");
    }

    private sealed class FitResult
    {
        public int Viewport { get; set; }
        public int Document { get; set; }
        public string[] Overflowing { get; set; } = [];
        public string[] CutCards { get; set; } = [];
        public string[] Shortened { get; set; } = [];
    }

    public static async Task AssertAccessibleAsync(IPage page, string name)
    {
        // A snackbar still fading in or out is partly transparent, and axe-core would measure its text's contrast
        // against what shows through: wait until each is fully shown or gone.
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('.mud-snackbar')].every(s => getComputedStyle(s).opacity === '1')");
        var result = await page.RunAxe();
        var violations = string.Join(Environment.NewLine, result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}"));
        Assert.True(result.Violations.Length == 0, $"axe-core found violations on {name} ({page.Url}):{Environment.NewLine}{violations}");
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}

/// <summary>A browser journey that failed, with what the browser and the app showed at that moment.</summary>
public sealed class JourneyFailure(string message, Exception inner) : Exception(message, inner);
