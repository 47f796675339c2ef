using System.Globalization;
using System.Xml.Linq;

namespace SurveyApp.Analysis.Charts;

/// <summary>
/// A chart's SVG made fit to stand inside a page: an image to assistive technology with the given name, scaled to
/// its container's width, with ids of its own so that several charts on one page do not clip each other.
/// </summary>
/// <remarks>
/// The SVG is read as XML and written out again, so every text in it (answers, labels and names typed by staff) is
/// escaped on the way out and stays text: nothing in a chart can become markup of the page.
/// </remarks>
public static class InlineSvg
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <param name="idPrefix">Unique on the page: every id in the drawing is prefixed with it.</param>
    /// <param name="name">What the image shows, as a screen reader announces it.</param>
    public static string Markup(ChartImage chart, string idPrefix, string name)
    {
        var document = XDocument.Parse(chart.ToSvg());
        var root = document.Root!;
        var prefix = idPrefix + "-";

        foreach (var element in root.DescendantsAndSelf())
        {
            foreach (var attribute in element.Attributes())
            {
                if (attribute.Name.LocalName == "id")
                {
                    attribute.Value = prefix + attribute.Value;
                }
                else if (attribute.Value.Contains("url(#", StringComparison.Ordinal))
                {
                    attribute.Value = attribute.Value.Replace("url(#", "url(#" + prefix, StringComparison.Ordinal);
                }
                else if (attribute.Name.LocalName == "href" && attribute.Value.StartsWith('#'))
                {
                    attribute.Value = "#" + prefix + attribute.Value[1..];
                }
                else if (attribute.Name.LocalName == "font-family")
                {
                    // The chart was measured in DejaVu Sans; Verdana is the closest to it on machines without it.
                    attribute.Value = $"'{attribute.Value}', Verdana, sans-serif";
                }
            }
        }

        var titleId = prefix + "title";
        root.SetAttributeValue("viewBox", string.Create(CultureInfo.InvariantCulture, $"0 0 {chart.Width} {chart.Height}"));
        root.SetAttributeValue("width", "100%");
        root.SetAttributeValue("height", null);
        root.SetAttributeValue("class", "chart__svg");
        root.SetAttributeValue("role", "img");
        root.SetAttributeValue("aria-labelledby", titleId);
        // Its own width in the page's stylesheet units, so that a wide screen does not blow the drawing up.
        root.SetAttributeValue("style", string.Create(CultureInfo.InvariantCulture, $"max-width: {chart.Width}px"));
        root.AddFirst(new XElement(Svg + "title", new XAttribute("id", titleId), name));
        // Read without the whitespace between elements, written without indentation.
        return root.ToString(SaveOptions.DisableFormatting);
    }
}
