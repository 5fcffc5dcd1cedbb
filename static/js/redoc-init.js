// Starts ReDoc from a file, since the site's Content-Security-Policy forbids inline scripts.
(function () {
  var container = document.getElementById("redoc-container");
  Redoc.init(
    container.dataset.schemaUrl,
    { hideDownloadButton: false, theme: { typography: { fontFamily: "system-ui, sans-serif", headings: { fontFamily: "system-ui, sans-serif" } } } },
    container
  );
})();
