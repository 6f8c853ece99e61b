// The query page: a textarea over a highlighted <pre>, examples, prefixes, results table, downloads.
// No dependencies and no network access beyond this server, so it works offline.
"use strict";

const KEYWORDS = new Set(("select construct describe ask where from named prefix base distinct reduced " +
  "optional union minus graph service silent filter bind values as order by asc desc limit offset group " +
  "having not exists in a insert delete data with using load clear drop create add move copy to default all " +
  "count sum min max avg sample group_concat separator undef true false").split(" "));
const TOKEN = /(#[^\n]*)|(<[^<>"{}|^`\\\s]*>)|("""[\s\S]*?"""|'''[\s\S]*?'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|([?$][\w]+)|([A-Za-z_][\w.-]*:[\w.-]*|:[\w.-]*)|([A-Za-z_]\w*)/g;

const $ = (id) => document.getElementById(id);
const escapeHtml = (s) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]));

function highlight(text) {
  let out = "", last = 0;
  for (const m of text.matchAll(TOKEN)) {
    out += escapeHtml(text.slice(last, m.index));
    const [t] = m;
    let cls = m[1] ? "cmt" : m[2] ? "iri" : m[3] ? "str" : m[4] ? "var" : m[5] ? "pn"
      : KEYWORDS.has(t.toLowerCase()) ? "kw" : "";
    out += cls ? `<span class="${cls}">${escapeHtml(t)}</span>` : escapeHtml(t);
    last = m.index + t.length;
  }
  return out + escapeHtml(text.slice(last)) + "\n";
}

function refresh() {
  $("highlight").innerHTML = highlight($("query").value);
  $("highlight").scrollTop = $("query").scrollTop;
}

function cell(term) {
  if (!term) return "";
  if (term.type === "uri") {
    // only web IRIs become links: a javascript: IRI in the data must not run on a click
    if (!/^https?:/i.test(term.value)) return `<code>${escapeHtml(term.value)}</code>`;
    const local = term.value.startsWith(BASE) ? "/" + term.value.slice(BASE.length) : term.value;
    return `<a href="${escapeHtml(local)}">${escapeHtml(term.value)}</a>`;
  }
  const meta = term["xml:lang"] ? `@${term["xml:lang"]}` : "";
  return escapeHtml(term.value) + (meta ? ` <span class="meta">${escapeHtml(meta)}</span>` : "");
}

function bindings() {
  return $("bind").value.split("\n").map((line) => line.trim()).filter((line) => line);
}

function requestParams(query) {
  const params = new URLSearchParams({ query });
  for (const b of bindings()) params.append("bind", b);
  return params;
}

function downloads(query) {
  const graph = /^\s*(?:(?:prefix|base)\s[^\n]*\n\s*|#[^\n]*\n\s*)*(construct|describe)/i.test(query);
  const fmts = graph ? ["turtle", "ntriples", "rdfxml", "jsonld", "trig", "nquads"] : ["json", "xml", "csv", "tsv"];
  $("downloads").innerHTML = "Download: " + fmts.map((f) =>
    `<a href="/sparql?${escapeHtml(requestParams(query).toString())}&amp;format=${f}" download>${f}</a>`).join("");
}

async function run() {
  const query = $("query").value;
  $("status").textContent = "running…";
  $("results").innerHTML = "";
  $("warning").textContent = "";
  const started = performance.now();
  const response = await fetch("/sparql", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/sparql-results+json, text/turtle;q=0.9" },
    body: requestParams(query),
  });
  const warning = response.headers.get("X-Diplograph-Warning");
  const text = await response.text();
  const ms = Math.round(performance.now() - started);
  if (!response.ok) {
    $("status").textContent = `error ${response.status}`;
    $("results").innerHTML = `<p class="error">${escapeHtml(text)}</p>`;
    return;
  }
  downloads(query);
  $("warning").textContent = warning || "";
  if (!(response.headers.get("content-type") || "").includes("json")) {
    $("status").textContent = `done in ${ms} ms`;
    $("results").innerHTML = `<pre>${escapeHtml(text)}</pre>`;
    return;
  }
  const data = JSON.parse(text);
  if ("boolean" in data) {
    $("status").textContent = `done in ${ms} ms`;
    $("results").innerHTML = `<p id="boolean">${data.boolean}</p>`;
    return;
  }
  const vars = data.head.vars, rows = data.results.bindings;
  $("status").textContent = `${rows.length} rows in ${ms} ms`;
  $("results").innerHTML = `<table id="table"><thead><tr>${vars.map((v) => `<th>${escapeHtml(v)}</th>`).join("")}</tr></thead><tbody>` +
    rows.map((r) => `<tr>${vars.map((v) => `<td>${cell(r[v])}</td>`).join("")}</tr>`).join("") + "</tbody></table>";
}

let BASE = "https://w3id.org/diplograph/";

async function init() {
  $("query").addEventListener("input", refresh);
  $("query").addEventListener("scroll", () => { $("highlight").scrollTop = $("query").scrollTop; });
  $("query").addEventListener("keydown", (e) => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) run(); });
  $("run").addEventListener("click", run);
  refresh();
  const [examples, prefixes] = await Promise.all([
    fetch("/api/examples").then((r) => r.json()), fetch("/api/prefixes").then((r) => r.json())]);
  $("examples").innerHTML = examples.map((e, i) =>
    `<li><button type="button" data-example="${i}" title="${escapeHtml(e.name)}">${escapeHtml(e.title)}</button></li>`).join("");
  $("examples").addEventListener("click", (e) => {
    const i = e.target.dataset.example;
    if (i !== undefined) { $("query").value = examples[i].query; refresh(); run(); }
  });
  $("prefixes").innerHTML = Object.entries(prefixes).map(([p, ns]) =>
    `<li><button type="button" data-prefix="${escapeHtml(p)}" title="${escapeHtml(ns)}">${escapeHtml(p)}:</button></li>`).join("");
  $("prefixes").addEventListener("click", (e) => {
    const p = e.target.dataset.prefix;
    if (p !== undefined && !new RegExp(`prefix\\s+${p}:`, "i").test($("query").value)) {
      $("query").value = `PREFIX ${p}: <${prefixes[p]}>\n` + $("query").value; refresh();
    }
  });
  BASE = document.body.dataset.base || BASE;
}

init();
