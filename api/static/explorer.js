// The YASGUI query page: points YASGUI at this server's /sparql, declares the ontology's prefixes,
// offers the examples from queries/ in a menu and keeps the query in the URL (?query=...).
"use strict";
(async function () {
  const endpoint = new URL("/sparql", location.href).href;
  // Only completers that work offline: YASGUI's own class and property completers ask LOV on the
  // internet, so they are replaced by the same completers fed with the ontology's terms.
  const [prefixes, examples, terms] = await Promise.all([
    fetch("/api/prefixes").then((r) => r.json()),
    fetch("/api/examples").then((r) => r.json()),
    fetch("/api/terms").then((r) => r.json()),
  ]);
  const Yasqe = Yasgui.Yasqe;
  Yasqe.defaults.autocompleters = ["prefixes", "variables"];
  Yasqe.forkAutocompleter("class", { name: "ontology-classes", bulk: true, persistenceId: null,
    get: () => terms.classes });
  Yasqe.forkAutocompleter("property", { name: "ontology-properties", bulk: true, persistenceId: null,
    get: () => terms.properties });
  // Chart, Network and Map tabs beside the table: this server draws the results as SVG (POST /api/picture),
  // the same pictures as on the entity pages; when results do not fit, its message says why.
  function picturePlugin(kind, label, priority) {
    return class {
      constructor(yasr) { this.yasr = yasr; this.priority = priority; this.label = label; }
      canHandleResults() {
        const results = this.yasr.results;
        try { return !!results && results.getVariables().length > 0 && results.getBindings().length > 0; }
        catch (e) { return false; }  // a boolean or a graph: no rows to draw
      }
      getIcon() {
        const icon = document.createElement("span");
        icon.className = "picture-icon";
        icon.setAttribute("aria-hidden", "true");
        icon.textContent = label[0];
        return icon;
      }
      async draw() {
        const results = this.yasr.results, box = this.yasr.resultsEl;
        box.textContent = "Drawing…";
        const response = await fetch("/api/picture?kind=" + kind, {
          method: "POST", headers: { "Content-Type": "application/sparql-results+json" },
          body: JSON.stringify({ head: { vars: results.getVariables() }, results: { bindings: results.getBindings() } }),
        });
        const text = await response.text();
        if (!response.ok) {
          const message = document.createElement("p");
          message.className = "picture-message";
          message.setAttribute("role", "status");
          message.textContent = text;  // text, never HTML
          box.replaceChildren(message);
          return;
        }
        const svg = new DOMParser().parseFromString(text, "image/svg+xml").documentElement;
        const figure = document.createElement("figure");
        figure.className = "picture " + kind;
        figure.append(document.importNode(svg, true));
        box.replaceChildren(figure);
      }
    };
  }
  Yasgui.Yasr.registerPlugin("chart", picturePlugin("chart", "Chart", 3));
  Yasgui.Yasr.registerPlugin("network", picturePlugin("network", "Network", 2));
  Yasgui.Yasr.registerPlugin("map", picturePlugin("map", "Map", 1));
  const yasgui = new Yasgui(document.getElementById("yasgui"), {
    yasr: { pluginOrder: ["table", "chart", "network", "map", "response"], defaultPlugin: "table" },
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: { getData: () => [{ endpoint: endpoint }] },
    persistenceId: null,  // the URL, not local storage, carries the query
    populateFromUrl: false,
  });
  const tab = yasgui.getTab();
  const yasqe = tab.getYasqe();
  yasqe.addPrefixes(prefixes);
  const params = new URLSearchParams(location.search);
  if (params.get("query")) tab.setQuery(params.get("query"));
  yasqe.on("change", () => {
    const url = new URL(location.href);
    url.search = new URLSearchParams({ query: yasqe.getValue() }).toString();
    history.replaceState(null, "", url);
  });
  // Result links to minted IRIs open this server's Linked Data pages, as on the plain page.
  const base = document.body.dataset.base;
  tab.getYasr().on("drawn", () => {
    for (const link of document.querySelectorAll(".yasr a[href]")) {
      const href = link.getAttribute("href");
      if (base && href.startsWith(base)) link.setAttribute("href", "/" + href.slice(base.length));
    }
  });
  const menu = document.getElementById("example");
  for (const example of examples) {
    const option = document.createElement("option");
    option.value = example.name;
    option.textContent = example.title;  // text, never HTML
    menu.append(option);
  }
  menu.addEventListener("change", () => {
    const chosen = examples.find((e) => e.name === menu.value);
    if (chosen) { tab.setQuery(chosen.query); yasqe.query(); }
  });
  document.body.dataset.ready = "yes";
})();
