using System.Text;
using System.Text.Unicode;

namespace SurveyApp.Responding;

// ASP.NET Core's form reader keeps an undecodable sequence such as %C3%28 as the literal "%C3(", which
// would be stored as if typed, and a NUL makes the page answer an empty 400. Such fields are decoded with
// U+FFFD instead, which the answer rules refuse (ProblemKind.Unreadable).
public static class Utf8Forms
{
    // Room for a page's longest open answers, percent-encoded: 1 MB of "å" is 6 MB encoded and must still
    // reach the answer rules, which name the limit.
    private const long MaxChecked = 8 * 1024 * 1024;

    public static IApplicationBuilder UseUtf8Forms(this IApplicationBuilder app, PathString under) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments(under)
            && request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            if (request.ContentLength > MaxChecked)
            {
                TooLarge(context);
                return;
            }
            // Read in pieces and stop at the limit, whether or not the client said how long its body is.
            using var buffer = new MemoryStream();
            var piece = new byte[16 * 1024];
            int read;
            while ((read = await request.Body.ReadAsync(piece, context.RequestAborted)) > 0)
            {
                if (buffer.Length + read > MaxChecked)
                {
                    TooLarge(context);
                    return;
                }
                buffer.Write(piece, 0, read);
            }
            var body = buffer.ToArray();
            var repaired = Repair(body);
            request.Body = new MemoryStream(repaired ?? body);
            request.ContentLength = (repaired ?? body).Length;
        }
        await next(context);
    });

    // The status code pages re-execute with the request's method, and a page takes a post only with its
    // form's handler and token: the refused post is shown as a GET.
    private static void TooLarge(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        context.Request.Method = HttpMethods.Get;
        context.Request.Body = Stream.Null;
        context.Request.ContentLength = 0;
        context.Request.ContentType = null;
    }

    /// <summary>The body with every undecodable field re-encoded from its standard decoding; null if all fields are valid.</summary>
    public static byte[]? Repair(byte[] body)
    {
        // Latin-1 maps each byte to one character and back, so raw (unencoded) bytes survive the round trip.
        var fields = Encoding.Latin1.GetString(body).Split('&');
        var changed = false;
        for (var i = 0; i < fields.Length; i++)
        {
            var parts = fields[i].Split('=', 2);
            for (var p = 0; p < parts.Length; p++)
            {
                var bytes = Decode(parts[p]);
                var text = Encoding.UTF8.GetString(bytes);
                if (!Utf8.IsValid(bytes) || Domain.AnswerRules.IsUnreadable(text))
                {
                    var readable = string.Concat(text.Select(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r') ? '\uFFFD' : c));
                    parts[p] = Uri.EscapeDataString(readable);
                    changed = true;
                }
            }
            fields[i] = string.Join('=', parts);
        }
        return changed ? Encoding.Latin1.GetBytes(string.Join('&', fields)) : null;
    }

    private static byte[] Decode(string encoded)
    {
        var bytes = new List<byte>(encoded.Length);
        for (var i = 0; i < encoded.Length; i++)
        {
            var c = encoded[i];
            if (c == '%' && i + 2 < encoded.Length
                && byte.TryParse(encoded.AsSpan(i + 1, 2), System.Globalization.NumberStyles.HexNumber, null, out var b))
            {
                bytes.Add(b);
                i += 2;
            }
            else if (c == '+')
            {
                bytes.Add((byte)' ');
            }
            else
            {
                bytes.Add((byte)c);
            }
        }
        return bytes.ToArray();
    }
}
