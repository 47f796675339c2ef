using System.Buffers.Binary;
using System.Net;
using SurveyApp.Analysis.Charts;
using Xunit;

namespace SurveyApp.Tests.Analysis.Charts;

/// <summary>What every chart file must be: a download of its type and name, and a PNG as wide as a report's page.</summary>
public static class ChartFiles
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>A successful download of <paramref name="mediaType"/>, sent as an attachment named <paramref name="fileName"/>.</summary>
    public static void AssertDownload(HttpResponseMessage response, string mediaType, string fileName)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
    }

    /// <summary>A PNG image whose width is the charts' (from its header).</summary>
    public static void AssertReportWidePng(byte[] png)
    {
        Assert.Equal(PngSignature, png.Take(8));
        Assert.Equal(QuestionChart.Width, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
    }
}
