// Starts ReDoc from a file, since the site's Content-Security-Policy forbids inline scripts.
(function () {
  // ReDoc's sidebar always shows "API docs by Redocly" with a logo from cdn.redoc.ly (no option
  // turns it off): the CSP blocks it with a console error, and the page must request nothing from
  // another site anyway. Before ReDoc starts, an image address on another site becomes an empty
  // picture, whether set as a property (as ReDoc's React does) or an attribute, before any
  // request; the attribution's words remain.
  var blank = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='0' height='0'/%3E";
  function onThisSite(value) {
    value = String(value);
    return value.indexOf("data:") === 0 || new URL(value, document.baseURI).origin === location.origin;
  }
  var src = Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, "src");
  Object.defineProperty(HTMLImageElement.prototype, "src", {
    configurable: true,
    enumerable: src.enumerable,
    get: src.get,
    set: function (value) { src.set.call(this, onThisSite(value) ? value : blank); }
  });
  var setAttribute = Element.prototype.setAttribute;
  HTMLImageElement.prototype.setAttribute = function (name, value) {
    var offSite = String(name).toLowerCase() === "src" && !onThisSite(value);
    return setAttribute.call(this, name, offSite ? blank : value);
  };

  var container = document.getElementById("redoc-container");
  Redoc.init(
    container.dataset.schemaUrl,
    { hideDownloadButton: false, theme: { typography: { fontFamily: "system-ui, sans-serif", headings: { fontFamily: "system-ui, sans-serif" } } } },
    container
  );
})();
