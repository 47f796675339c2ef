using SurveyApp.Export;
using Xunit;

namespace SurveyApp.Tests.Export;

/// <summary>The workbook goes to its output as it is written, also to one that cannot seek (an HTTP response).</summary>
public sealed class XlsxStreamingTests
{
    /// <summary>A write-only stream that cannot seek, like a response body, copying into a buffer it keeps.</summary>
    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public long Written { get; private set; }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Written; set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            inner.Write(buffer, offset, count);
            Written += count;
        }
    }

    [Fact]
    public void AnOutputThatCannotSeekGetsAValidWorkbook()
    {
        var buffer = new MemoryStream();
        using (var package = new XlsxPackageWriter(new ForwardOnlyStream(buffer)))
        {
            using (var sheet = package.AddWorksheet("Svar", new WorksheetLayout { FreezeHeader = true, AutoFilter = true }))
            {
                sheet.WriteRow(XlsxCell.Header("Nr"), XlsxCell.Header("Text"));
                sheet.WriteRow(1, "åäö");
            }
            package.Complete();
        }

        using var workbook = new Workbook(new MemoryStream(buffer.ToArray()));
        workbook.AssertValid();
        Assert.Equal("åäö", workbook.Text("Svar", "B2"));
    }

    [Fact]
    public void RowsReachTheOutputBeforeTheWorkbookIsComplete()
    {
        var output = new ForwardOnlyStream(Stream.Null);
        using var package = new XlsxPackageWriter(output);
        using var sheet = package.AddWorksheet("Svar", new WorksheetLayout());

        for (var row = 0; row < 50_000; row++)
        {
            sheet.WriteRow(row, "kommun", $"Ett fritt svar nummer {row} med lite text i", row % 5 + 1, XlsxCell.Percent(row / 50_000d));
        }

        Assert.True(output.Written > 500_000, $"only {output.Written} bytes written so far");
    }
}
