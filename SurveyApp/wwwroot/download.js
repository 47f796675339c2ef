// Saves a file that an interactive staff page streamed over its connection (see BrowserDownload.cs).
window.surveyApp = window.surveyApp || {};
window.surveyApp.saveFile = async (fileName, streamReference) => {
    const blob = new Blob([await streamReference.arrayBuffer()]);
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    URL.revokeObjectURL(url);
};
