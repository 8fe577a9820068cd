// The web page of `dyad serve`: plain JavaScript over the JSON API (docs/serve.md), no build step.
// Every view has an address in the URL's fragment, so a link can be sent to a colleague and the
// browser's back and forward buttons work:
//   #/events?actor=BLR&code=19   events matching filters       #/event/42   one event (a panel)
//   #/doc/7?event=42             a document, its events marked  #/search?q=  full-text search
//   #/role/BLR/russia-ukraine    a role report                  #/code       code pasted text
// Everything that comes from a document is escaped (esc) before it is put into the page; only
// http(s) addresses become links.
"use strict";

const $ = (id) => document.getElementById(id);
const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));
// Only http(s) addresses become links: a document header "url: javascript:..." stays text.
const safeUrl = (url) => typeof url === "string" && /^https?:\/\/[^\s]+$/i.test(url);
const link = (hash, text, cls) => '<a href="' + esc(hash) + '"' + (cls ? ' class="' + cls + '"' : "") + ">" + text + "</a>";

async function api(path, options = {}) {
  const response = await fetch(path, options);
  const body = await response.json().catch(() => ({error: "the server sent no JSON (HTTP " + response.status + ")"}));
  if (!response.ok) throw new Error(body.error || ("HTTP " + response.status));
  return body;
}
function showError(where, error) { where.innerHTML = '<p class="error">' + esc(error.message) + "</p>"; }

// ---------------------------------------------------------------- routes

// "#/doc/7?event=42" -> {view: "doc", args: ["7"], params: URLSearchParams("event=42")}
function parseHash(hash) {
  let h = (hash || "").replace(/^#/, "");
  if (!h.startsWith("/")) h = "/events";
  const q = h.indexOf("?");
  const path = q < 0 ? h : h.slice(0, q);
  const parts = path.split("/").filter(Boolean).map((p) => { try { return decodeURIComponent(p); } catch { return p; } });
  return {view: parts[0] || "events", args: parts.slice(1), params: new URLSearchParams(q < 0 ? "" : h.slice(q + 1))};
}
const enc = encodeURIComponent;
function go(hash) {
  if (location.hash === hash) route(); else location.hash = hash;
}
// Parameters of a form, without the empty ones.
function formParams(form) {
  const params = new URLSearchParams();
  for (const [k, v] of new FormData(form)) if (v) params.set(k, v);
  return params;
}
function fillForm(form, params) {
  for (const el of form.elements) {
    if (!el.name) continue;
    if (el.type === "checkbox") el.checked = params.get(el.name) === el.value;
    else if (el.tagName === "SELECT") el.value = params.get(el.name) ?? el.options[0].value;
    else el.value = params.get(el.name) ?? el.defaultValue;
  }
}

const views = ["events", "doc", "search", "role", "code"];
const shown = {};          // view -> the address it shows now (not fetched again when it comes back)
const scrolls = new Map(); // address -> how far down the page was scrolled
let background = null;     // the address of the view behind the event panel
let routes = 0;            // addresses shown since the page loaded (closing a panel goes back when > 1)

async function route() {
  ++routes;
  const r = parseHash(location.hash);
  if (r.view === "event") {
    if (!background) showView(parseHash("#/events"), "#/events");
    openEvent(r.args[0]);
    return;
  }
  closePanel();
  const address = location.hash || "#/events";
  if (background) scrolls.set(background, window.scrollY);
  background = address;
  showView(r, address);
}

function showView(r, address) {
  const view = views.includes(r.view) ? r.view : "events";
  for (const v of views) $("view-" + v).classList.toggle("on", v === view);
  for (const a of document.querySelectorAll("#nav a")) a.classList.toggle("on", a.dataset.view === view);
  if (shown[view] !== address) {
    shown[view] = address;
    // A view that scrolled to what its address points at (a sentence, an event) says so.
    renderers[view](r).then((placed) => { if (!placed) window.scrollTo(0, scrolls.get(address) || 0); });
  } else {
    window.scrollTo(0, scrolls.get(address) || 0);
  }
}

const renderers = {
  events: renderEvents,
  doc: renderDocument,
  search: renderSearch,
  role: renderRole,
  code: async () => {},
};

window.addEventListener("hashchange", route);

// ---------------------------------------------------------------- events

const named = (text, ref) => (text || "") + (ref ? " = " + ref : "");
const place = (e) => e.location && e.location.name ? e.location.name : (e.location_country || "");

function eventRows(events) {
  if (!events.length) return '<p class="muted">No events.</p>';
  let html = '<table class="rows"><tr><th>date</th><th>source</th><th>event</th><th>target</th><th>place</th><th>modality</th><th>reported by</th><th>sentence</th></tr>';
  for (const e of events) {
    const id = e.id ?? "";
    html += '<tr class="ev" data-id="' + esc(id) + '">' +
      '<td class="code" data-label="date">' + (id !== "" ? link("#/event/" + enc(id), esc(e.date || "undated")) : esc(e.date)) + "</td>" +
      '<td class="code" data-label="source" title="' + esc(named(e.source_text, e.source_ref)) + '">' + esc(e.source || "—") + "</td>" +
      '<td class="code" data-label="event" title="' + esc(e.verb_text) + '">' + esc(e.event_code) + "</td>" +
      '<td class="code" data-label="target" title="' + esc(named(e.target_text, e.target_ref)) + '">' + esc(e.target || "—") + "</td>" +
      '<td data-label="place">' + esc(place(e)) + "</td>" +
      '<td data-label="modality" class="mod-' + esc(e.modality) + '">' + esc(e.modality) + "</td>" +
      '<td data-label="reported by">' + esc(e.reported_by_text || e.reported_by || "") + "</td>" +
      '<td data-label="sentence">' + esc(e.sentence || "") + "</td></tr>";
  }
  return html + "</table>";
}

let nextAfter = null, eventQuery = "";
async function renderEvents(r) {
  fillForm($("event-form"), r.params);
  const params = new URLSearchParams();
  for (const [k, v] of r.params) if (v && k !== "sort" && k !== "review") params.set(k, v);
  eventQuery = params.toString();
  nextAfter = null;
  await loadEvents(false);
}
async function loadEvents(append) {
  const params = new URLSearchParams(eventQuery);
  if (append && nextAfter !== null) params.set("after", nextAfter);
  try {
    const body = await api("/api/events?" + params);
    const table = eventRows(body.events);
    if (append) $("event-results").insertAdjacentHTML("beforeend", table);
    else $("event-results").innerHTML = table;
    nextAfter = body.next_after;
    $("more").hidden = nextAfter === null;
  } catch (error) { showError($("event-results"), error); $("more").hidden = true; }
}
$("event-form").addEventListener("submit", (e) => { e.preventDefault(); go("#/events?" + formParams(e.target)); });
$("more").addEventListener("click", () => loadEvents(true));
function openFromRow(e) {
  const row = e.target.closest("tr.ev");
  if (!row || !row.dataset.id || e.target.closest("a")) return;
  go("#/event/" + enc(row.dataset.id));
}
$("event-results").addEventListener("click", openFromRow);
$("code-results").addEventListener("click", openFromRow);

// ---------------------------------------------------------------- one event (a panel)

function marked(sentence) {
  // The server marks spans as [S:...] [V:...] [T:...]; show them as coloured marks.
  return esc(sentence).replace(/\[([SVT]):([^\]]*)\]/g, '<mark class="$1" title="$1">$2</mark>');
}
function documentLine(doc) {
  return (safeUrl(doc.url) ? '<a href="' + esc(doc.url) + '" rel="noopener noreferrer" target="_blank">' + esc(doc.title || doc.url) + "</a>"
                           : esc(doc.title || doc.id) + (doc.url ? " (" + esc(doc.url) + ")" : ""));
}

async function openEvent(id) {
  const panel = $("event-panel");
  panel.hidden = false;
  $("event-detail").innerHTML = '<p class="muted">loading…</p>';
  for (const row of document.querySelectorAll("tr.ev.open")) row.classList.remove("open");
  for (const row of document.querySelectorAll('tr.ev[data-id="' + CSS.escape(id || "") + '"]')) row.classList.add("open");
  try {
    const body = await api("/api/events/" + enc(id));
    const ev = body.event, doc = body.document || {};
    const p = ev.pattern || {};
    $("event-detail").innerHTML = '<dl class="facts">' +
      "<dt>event</dt><dd>" + esc(ev.source || "—") + " → " + esc(ev.event_code) + " → " + esc(ev.target || "—") +
        ' <span class="muted">(' + esc(ev.quad_class) + ", Goldstein " + esc(ev.goldstein) + ", PLOVER " + esc(ev.plover || "—") + ")</span></dd>" +
      "<dt>sentence</dt><dd>" + marked(body.sentence_marked || ev.sentence) + "</dd>" +
      (ev.source_ref || ev.target_ref ? "<dt>resolved</dt><dd>" +
        [ev.source_ref ? esc(named(ev.source_text, ev.source_ref)) : "", ev.target_ref ? esc(named(ev.target_text, ev.target_ref)) : ""]
          .filter(Boolean).join("; ") + "</dd>" : "") +
      '<dt>coded by</dt><dd class="code">' + esc(p.file) + ":" + esc(p.line) + "  " + esc(p.text) + "</dd>" +
      "<dt>date</dt><dd>" + esc(ev.date) + " " + esc(ev.date_precision || "") + ' <span class="muted">' + esc(ev.date_text || "") + "</span></dd>" +
      "<dt>modality</dt><dd>" + esc(ev.modality) + (ev.reported_by_text ? ", reported by " + esc(ev.reported_by_text) : "") + "</dd>" +
      "<dt>document</dt><dd>" + documentLine(doc) +
        ' <span class="muted">' + esc(doc.source) + " " + esc(doc.date) + " · sha256 " + esc((doc.sha256 || "").slice(0, 12)) + "</span><br>" +
        link("#/doc/" + enc(ev.document) + "?event=" + enc(ev.id), "the document with its events marked") + "</dd>" +
      "</dl>";
  } catch (error) { showError($("event-detail"), error); }
}
function closePanel() { $("event-panel").hidden = true; }
$("panel-close").addEventListener("click", () => {
  if (routes > 1 && background) history.back(); else go(background || "#/events");
});
document.addEventListener("keydown", (e) => { if (e.key === "Escape" && !$("event-panel").hidden) $("panel-close").click(); });

// ---------------------------------------------------------------- a document

const kRoles = [["verb", "V", "verb"], ["source", "S", "source"], ["target", "T", "target"]];
// The document's text with the words of every coded event marked (verb, source, target) and the
// sentences that carry events shaded. Offsets are code points into the text (docs/events.md).
function markedText(doc) {
  const cps = Array.from(doc.text || "");
  const spans = [];
  for (const ev of doc.events || []) {
    const o = ev.offsets || {};
    for (const [key, cls, word] of kRoles)
      if (Array.isArray(o[key]) && o[key][1] > o[key][0]) spans.push({b: o[key][0], e: o[key][1], cls, word, ev});
  }
  const withEvents = new Set((doc.events || []).map((e) => e.sentence_index));
  const piece = (b, e) => {
    // Cut [b, e) at every span boundary; each part is marked by the spans covering it.
    const cuts = new Set([b, e]);
    for (const s of spans) for (const p of [s.b, s.e]) if (p > b && p < e) cuts.add(p);
    const points = [...cuts].sort((x, y) => x - y);
    let html = "";
    for (let i = 0; i + 1 < points.length; ++i) {
      const p = points[i], q = points[i + 1];
      const text = esc(cps.slice(p, q).join(""));
      const over = spans.filter((s) => s.b <= p && s.e >= q);
      if (!over.length) { html += text; continue; }
      const cls = ["V", "S", "T"].find((c) => over.some((s) => s.cls === c));
      const ids = [...new Set(over.map((s) => s.ev.id))];
      const title = over.map((s) => "event " + s.ev.id + " (" + s.word + "): " + (s.ev.source || "—") + " " + s.ev.event_code + " " + (s.ev.target || "—")).join("\n");
      html += '<mark class="' + cls + '" data-ids="' + esc(ids.join(" ")) + '" title="' + esc(title) + '">' + text + "</mark>";
    }
    return html;
  };
  let html = "", at = 0;
  for (const s of doc.sentences || []) {
    if (s.begin < at || s.end > cps.length) continue;
    html += esc(cps.slice(at, s.begin).join(""));
    html += '<span id="s-' + esc(s.index) + '" data-sentence="' + esc(s.index) + '"' + (withEvents.has(s.index) ? ' class="sent-ev"' : "") + ">" + piece(s.begin, s.end) + "</span>";
    at = s.end;
  }
  return html + esc(cps.slice(at).join(""));
}

function provenance(doc) {
  const row = (name, value) => value === "" || value === undefined || value === null ? "" : "<dt>" + name + "</dt><dd>" + value + "</dd>";
  return '<dl class="facts card">' +
    row("source", esc(doc.source)) +
    row("URL", safeUrl(doc.url) ? '<a href="' + esc(doc.url) + '" rel="noopener noreferrer" target="_blank">' + esc(doc.url) + "</a>" : esc(doc.url)) +
    row("date", esc(doc.date || "undated")) +
    row("sha256", '<span class="code">' + esc(doc.sha256) + "</span>") +
    row("input id", esc(doc.id)) +
    row("format", esc(doc.format)) +
    row("read from", esc(doc.origin)) +
    row("ingested", esc(doc.ingested_at) + " by " + esc(doc.tool_version)) +
    (doc.near_duplicate_of ? row("near-duplicate of", link("#/doc/" + enc(doc.near_duplicate_of), "d" + esc(doc.near_duplicate_of))) : "") +
    "</dl>";
}

async function renderDocument(r) {
  const where = $("view-doc");
  where.innerHTML = '<p class="muted">loading…</p>';
  try {
    // #/doc/7 is the stored row d7; other keys (an input id, a sha256 prefix) are passed on.
    const key = r.args[0] || "";
    const doc = await api("/api/documents/" + enc(/^\d+$/.test(key) ? "d" + key : key));
    const events = [...doc.events].sort((a, b) => a.sentence_index - b.sentence_index || a.id - b.id);
    where.innerHTML = "<h2>" + esc(doc.title || doc.id) + "</h2>" + provenance(doc) +
      '<p class="muted">' + esc(events.length) + " coded events: " + '<mark class="S">source</mark> <mark class="V">verb</mark> <mark class="T">target</mark>; click a mark for its event.</p>' +
      '<div class="doctext" id="doc-text">' + markedText(doc) + "</div><h3>Events</h3>" + eventRows(events);
    // Where the link pointed: one event (?event=ID) or a sentence (?s=INDEX, from a search).
    const eventId = r.params.get("event"), sentence = r.params.get("s");
    let target = null;
    if (eventId) {
      for (const m of where.querySelectorAll("#doc-text mark"))
        if (m.dataset.ids.split(" ").includes(eventId)) { m.classList.add("current"); target = target || m; }
    }
    if (!target && sentence !== null && $("s-" + sentence)) { target = $("s-" + sentence); target.classList.add("sent-hit"); }
    if (target) { target.scrollIntoView({block: "center"}); return true; }
  } catch (error) { showError(where, error); }
  return false;
}
$("view-doc").addEventListener("click", (e) => {
  const mark = e.target.closest("#doc-text mark[data-ids]");
  if (mark) { go("#/event/" + enc(mark.dataset.ids.split(" ")[0])); return; }
  openFromRow(e);
});

// ---------------------------------------------------------------- search

async function renderSearch(r) {
  fillForm($("search-form"), r.params);
  const q = r.params.get("q");
  if (!q) { $("search-results").innerHTML = ""; return; }
  try {
    const body = await api("/api/search?" + new URLSearchParams({q}));
    let html = body.hits.length ? '<table class="rows"><tr><th>document</th><th>date</th><th>sentence</th><th>events</th></tr>' : '<p class="muted">No sentence matches.</p>';
    for (const h of body.hits) {
      const events = (h.events || []).map((id) => link("#/event/" + enc(id), "event " + esc(id))).join(", ");
      html += '<tr><td data-label="document">' + link("#/doc/" + enc(h.document_id) + "?s=" + enc(h.sentence_index), esc(h.doc_title || "d" + h.document_id)) +
        '</td><td class="code" data-label="date">' + esc(h.doc_date) +
        '</td><td data-label="sentence">' + esc(h.snippet).replace(/\[([^\]]*)\]/g, "<mark>$1</mark>") +
        '</td><td data-label="events">' + (events || '<span class="muted">none</span>') + "</td></tr>";
    }
    $("search-results").innerHTML = body.hits.length ? html + "</table>" : html;
  } catch (error) { showError($("search-results"), error); }
}
$("search-form").addEventListener("submit", (e) => { e.preventDefault(); go("#/search?" + formParams(e.target)); });

// ---------------------------------------------------------------- role report

function roleQuery(r) {
  const params = new URLSearchParams();
  if (r.args[0]) params.set("state", r.args[0]);
  if (r.args[1]) params.set("conflict", r.args[1]);
  for (const k of ["from", "to"]) if (r.params.get(k)) params.set(k, r.params.get(k));
  return params;
}
async function renderRole(r) {
  await conflictsLoaded;
  const form = $("role-form");
  fillForm(form, r.params);
  if (r.args[0]) form.elements.state.value = r.args[0];
  if (r.args[1]) form.elements.conflict.value = r.args[1];
  if (!r.args[0] || !r.args[1]) { $("role-frame").removeAttribute("src"); return; }
  const url = "/role?" + roleQuery(r);
  $("role-open").href = url;
  $("role-frame").src = url;
}
$("role-form").addEventListener("submit", (e) => {
  e.preventDefault();
  const params = formParams(e.target);
  const state = params.get("state") || "", conflict = params.get("conflict") || "";
  params.delete("state");
  params.delete("conflict");
  go("#/role/" + enc(state) + "/" + enc(conflict) + (params.toString() ? "?" + params : ""));
});

// ---------------------------------------------------------------- code pasted text

$("code-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  const date = new FormData(e.target).get("date");
  try {
    const body = await api("/api/code" + (date ? "?date=" + enc(date) : ""),
                           {method: "POST", body: $("code-text").value, headers: {"Content-Type": "text/plain; charset=utf-8"}});
    $("code-results").innerHTML = '<p class="muted">' + esc(body.count) + " events</p>" + eventRows(body.events);
  } catch (error) { showError($("code-results"), error); }
});

// ---------------------------------------------------------------- start

const conflictsLoaded = (async () => {
  try {
    const c = await api("/api/conflicts");
    $("conflicts").innerHTML = c.conflicts.map((x) => '<option value="' + esc(x.id) + '">' + esc(x.name || x.id) + "</option>").join("");
  } catch (error) { /* the role form then shows the server's message */ }
})();
(async () => {
  try {
    const s = await api("/api/stats");
    $("stats").textContent = s.documents + " documents · " + s.sentences + " sentences · " + s.events +
      " events · dictionaries " + (s.dictionary_hash || "none").slice(0, 12) + " · " + s.database;
  } catch (error) { $("stats").textContent = error.message; }
})();
route();
