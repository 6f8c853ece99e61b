// The YASGUI query page: points YASGUI at this server's /sparql, declares the ontology's prefixes,
// offers the examples from queries/ in a menu and keeps the query in the URL (?query=...).
"use strict";
(async function () {
  const endpoint = new URL("/sparql", location.href).href;
  // Only completers that work offline: the others ask prefix.cc and LOV on the internet.
  Yasgui.Yasqe.defaults.autocompleters = ["prefixes", "variables"];
  const [prefixes, examples] = await Promise.all([
    fetch("/api/prefixes").then((r) => r.json()),
    fetch("/api/examples").then((r) => r.json()),
  ]);
  const yasgui = new Yasgui(document.getElementById("yasgui"), {
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
