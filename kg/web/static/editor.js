// The SPARQL editor page: YASGUI on the local endpoint only, with nothing that calls other hosts
// (no prefix.cc or LOV autocompletion, no endpoint catalogue, no documentation link) and with
// the graph's IRIs opening their local pages.
(function () {
  "use strict";
  const cfg = JSON.parse(document.getElementById("editor-config").textContent);
  const endpoint = new URL(cfg.endpoint, window.location.href).href;

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
  }

  function shortIri(iri) {
    for (const [prefix, ns] of Object.entries(cfg.prefixes)) {
      if (iri.startsWith(ns) && iri.length > ns.length) return prefix + ":" + iri.slice(ns.length);
    }
    return iri;
  }

  Yasgui.Yasqe.defaults.autocompleters = ["variables"];
  Yasgui.Yasqe.defaults.prefixCcApi = null;
  Yasgui.Yasr.prototype.drawDocumentationButton = function () {
    this.documentationLink = document.createElement("a"); // kept out of the page: it points off-site
  };
  Yasgui.Yasr.plugins.table.prototype.getUriLinkFromBinding = function (binding) {
    const iri = binding.value;
    const text = escapeHtml(shortIri(iri));
    if (iri.startsWith(cfg.base) && iri.length > cfg.base.length) {
      const local = new URL(cfg.root + iri.slice(cfg.base.length) + ".html", window.location.href).href;
      return `<a class="iri" href="${escapeHtml(local)}" title="${escapeHtml(iri)}">${text}</a>`;
    }
    return `<span class="iri" title="${escapeHtml(iri)}">${text}</span>`;
  };

  // "Simple view": plain values (0.88, not "0.88"^^xsd:decimal), as readers of a trial expect
  Yasgui.Yasr.defaults.plugins.table = { ...Yasgui.Yasr.defaults.plugins.table, dynamicConfig: { compact: true } };

  const yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: { getData: () => [{ endpoint: endpoint }], keys: [] },
    persistenceId: null,
    populateFromUrl: false,
    yasqe: { value: cfg.queries.length ? cfg.queries[0].text : "SELECT * WHERE { ?s ?p ?o } LIMIT 10", autocompleters: ["variables"] },
    yasr: { prefixes: cfg.prefixes },
  });
  window.ctkgYasgui = yasgui;

  function bound(query) {
    // Parameters bound as kg.queries.bind does: a VALUES block at the places the server computed
    // (kg.queries.parameter_slots: first in the WHERE clause of each SELECT using the parameter),
    // the value written as a string literal (JSON string escapes are valid SPARQL ones).
    const inserts = [];
    for (const name of Object.keys(query.parameters)) {
      const input = document.querySelector(`input[data-query="${query.name}"][data-param="${name}"]`);
      const block = `\n  VALUES ?${name}_param { ${JSON.stringify(input ? input.value : "")} }`;
      for (const at of query.slots[name]) inserts.push([at, block]);
    }
    inserts.sort((a, b) => b[0] - a[0]);
    let text = query.text;
    for (const [at, block] of inserts) text = text.slice(0, at) + block + text.slice(at);
    return text;
  }

  for (const button of document.querySelectorAll("button.run-bundled")) {
    button.addEventListener("click", () => {
      const query = cfg.queries.find((q) => q.name === button.dataset.query);
      const tab = yasgui.getTab();
      tab.setQuery(bound(query));
      tab.query();
    });
  }
})();
