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

// The token of `dyad serve --token-file` (for reviews, and for reads from a server beyond this
// machine): kept for this tab only.
let token = sessionStorage.getItem("dyad-token") || "";
function setToken(value) {
  token = value.trim();
  if (token) sessionStorage.setItem("dyad-token", token); else sessionStorage.removeItem("dyad-token");
}
async function api(path, options = {}) {
  const headers = Object.assign({}, options.headers || {});
  if (token) headers.Authorization = "Bearer " + token;
  const response = await fetch(path, Object.assign({}, options, {headers}));
  const body = await response.json().catch(() => ({error: "the server sent no JSON (HTTP " + response.status + ")"}));
  if (response.status === 401) $("token-form").hidden = false;
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
    // data-busy while a view loads: tests (tests/browser) wait for it to go.
    document.body.dataset.busy = "1";
    renderers[view](r).then((placed) => { if (!placed) window.scrollTo(0, scrolls.get(address) || 0); })
      .finally(() => { if (shown[view] === address) delete document.body.dataset.busy; });
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

// ---------------------------------------------------------------- CAMEO names

const cameo = new Map();  // "190" -> "Use conventional military force" (data/cameo/cameo.tsv)
const cameoLoaded = api("/api/cameo").then((b) => { for (const c of b.codes) cameo.set(c.code, c.name); }).catch(() => {});
// The name of a code, or of its nearest listed parent (0874 -> 087 -> 08).
function codeName(code) {
  for (let c = String(code || ""); c.length >= 2; c = c.slice(0, -1)) if (cameo.has(c)) return cameo.get(c);
  return "";
}
const codeCell = (code) => esc(code) + '<span class="codename">' + esc(codeName(code)) + "</span>";

// ---------------------------------------------------------------- events

const named = (text, ref) => (text || "") + (ref ? " = " + ref : "");
const place = (e) => e.location && e.location.name ? e.location.name : (e.location_country || "");

function eventRows(events) {
  if (!events.length) return '<p class="muted">No events.</p>';
  let html = '<table class="rows"><tr><th>date</th><th>source</th><th>event</th><th>target</th><th>place</th><th>modality</th><th>reported by</th><th>review</th><th>sentence</th></tr>';
  for (const e of events) {
    const id = e.id ?? "";
    html += '<tr class="ev" data-id="' + esc(id) + '">' +
      '<td class="code" data-label="date">' + (id !== "" ? link("#/event/" + enc(id), esc(e.date || "undated")) : esc(e.date)) + "</td>" +
      '<td class="code" data-label="source" title="' + esc(named(e.source_text, e.source_ref)) + '">' + esc(e.source || "—") + "</td>" +
      '<td class="code" data-label="event" title="' + esc(e.verb_text) + '">' + codeCell(e.event_code) + "</td>" +
      '<td class="code" data-label="target" title="' + esc(named(e.target_text, e.target_ref)) + '">' + esc(e.target || "—") + "</td>" +
      '<td data-label="place">' + esc(place(e)) + "</td>" +
      '<td data-label="modality" class="mod-' + esc(e.modality) + '">' + esc(e.modality) + "</td>" +
      '<td data-label="reported by">' + esc(e.reported_by_text || e.reported_by || "") + "</td>" +
      '<td data-label="review">' + reviewBadge(e.review) + "</td>" +
      '<td data-label="sentence">' + esc(e.sentence || "") + "</td></tr>";
  }
  return html + "</table>";
}

// The list pages by id (as stored) or by offset (by date); the timeline and the map summarise the
// first kSummaryLimit events of the same filters.
const kPage = 100, kSummaryLimit = 1000;
let nextPage = null, eventQuery = "";
const isRejected = (e) => !!(e.review && e.review.state === "rejected");
const reviewBadge = (r) => r ? '<span class="state-' + esc(r.state) + '" title="' + esc(r.reviewer + " " + r.at + (r.note ? ": " + r.note : "")) + '">' + esc(r.state) + "</span>" : "";
// Rejected events are left out unless "include rejected" is ticked (as `dyad events`); with only
// reviewed or only unreviewed events there are none to include, so the box is off then.
function syncRejectedBox(form) {
  const box = form.elements.include_rejected;
  box.disabled = form.id === "role-form" ? form.elements.reviewed.checked
                                         : ["reviewed", "unreviewed"].includes(form.elements.review.value);
  if (box.disabled) box.checked = false;
}
for (const id of ["event-form", "role-form"]) $(id).addEventListener("change", () => syncRejectedBox($(id)));
async function renderEvents(r) {
  await cameoLoaded;
  fillForm($("event-form"), r.params);
  syncRejectedBox($("event-form"));
  const params = new URLSearchParams();
  for (const [k, v] of r.params) if (v) params.set(k, v);
  if (!params.has("sort")) params.set("sort", "date");
  eventQuery = params.toString();
  nextPage = null;
  await Promise.all([loadEvents(false), loadSummary(params)]);
}
async function loadEvents(append) {
  const params = new URLSearchParams(eventQuery);
  params.set("limit", kPage);
  const byId = params.get("sort") === "id";
  if (append && nextPage !== null) params.set(byId ? "after" : "offset", nextPage);
  try {
    const body = await api("/api/events?" + params);
    const table = eventRows(body.events);
    if (append) $("event-results").insertAdjacentHTML("beforeend", table);
    else $("event-results").innerHTML = table;
    nextPage = byId ? body.next_after : body.next_offset;
    $("more").hidden = nextPage === null || nextPage === undefined;
  } catch (error) { showError($("event-results"), error); $("more").hidden = true; }
}

// Events per month as SVG bars; a bar links to the same filters limited to its month.
function timeline(events, params) {
  const counts = new Map();
  for (const e of events) if (e.date) counts.set(e.date.slice(0, 7), (counts.get(e.date.slice(0, 7)) || 0) + 1);
  if (!counts.size) return "";
  const keys = [...counts.keys()].sort();
  const months = [];
  for (let [y, m] = keys[0].split("-").map(Number); ; ) {
    const key = y + "-" + String(m).padStart(2, "0");
    months.push(key);
    if (key >= keys[keys.length - 1] || months.length > 600) break;
    if (++m > 12) { m = 1; ++y; }
  }
  const W = 600, H = 150, top = 10, bottom = 20, max = Math.max(...counts.values());
  const w = W / months.length;
  let bars = "";
  months.forEach((month, i) => {
    const n = counts.get(month) || 0;
    if (!n) return;
    const h = (H - top - bottom) * n / max;
    const [y, m] = month.split("-").map(Number);
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    const q = new URLSearchParams(params);
    q.set("from", month + "-01");
    q.set("to", month + "-" + String(last).padStart(2, "0"));
    bars += '<a href="#/events?' + esc(q) + '"><rect class="bar" x="' + (i * w + w * .1).toFixed(1) + '" y="' + (H - bottom - h).toFixed(1) +
      '" width="' + Math.max(1, w * .8).toFixed(1) + '" height="' + h.toFixed(1) + '"><title>' + esc(month) + ": " + n + " events</title></rect></a>";
  });
  const label = (i, anchor) => '<text x="' + (anchor === "end" ? W : 0) + '" y="' + (H - 5) + '" text-anchor="' + anchor + '">' + esc(months[i]) + "</text>";
  return '<figure id="timeline"><figcaption>Events per month (' + esc(events.length) + (events.length >= kSummaryLimit ? ", the first " + kSummaryLimit : "") +
    "); a bar shows its month</figcaption><svg viewBox=\"0 0 " + W + " " + H + '" role="img" aria-label="events per month">' +
    bars + label(0, "start") + (months.length > 1 ? label(months.length - 1, "end") : "") +
    '<text x="0" y="10">' + esc(max) + "</text></svg></figure>";
}

// The world (Natural Earth 1:110m from world-atlas, drawn with d3-geo): no tile server, nothing
// loaded from elsewhere. Fetched once.
let worldPromise = null;
function world() {
  if (!worldPromise) worldPromise = fetch("/vendor/countries-110m.json").then((r) => r.json())
    .then((topo) => topojson.feature(topo, topo.objects.countries).features);
  return worldPromise;
}
// A dot per event with a place that has coordinates, on a map framed around them.
async function eventMap(events) {
  const placed = events.filter((e) => e.location && typeof e.location.lat === "number" && typeof e.location.lon === "number" &&
                                      !(e.location.lat === 0 && e.location.lon === 0));
  if (!placed.length || typeof d3 === "undefined" || typeof topojson === "undefined") return "";
  const countries = await world();
  const W = 600, H = 340;
  const lons = placed.map((e) => e.location.lon), lats = placed.map((e) => e.location.lat);
  let [w, e] = [Math.min(...lons), Math.max(...lons)], [s, n] = [Math.min(...lats), Math.max(...lats)];
  const padLon = Math.max(8, (e - w) * .25), padLat = Math.max(5, (n - s) * .25);
  w = Math.max(-180, w - padLon); e = Math.min(180, e + padLon); s = Math.max(-85, s - padLat); n = Math.min(85, n + padLat);
  const projection = d3.geoNaturalEarth1().fitExtent([[4, 4], [W - 4, H - 4]], {type: "MultiPoint", coordinates: [[w, s], [w, n], [e, s], [e, n]]});
  const path = d3.geoPath(projection);
  let svg = '<path class="sphere" d="' + path({type: "Sphere"}) + '"></path>';
  for (const c of countries) {
    const d = path(c);
    if (d) svg += '<path class="land" d="' + d + '"><title>' + esc(c.properties && c.properties.name) + "</title></path>";
  }
  // Events at one place share a dot, sized by their number.
  const at = new Map();
  for (const ev of placed) {
    const key = ev.location.lat + "," + ev.location.lon;
    if (!at.has(key)) at.set(key, []);
    at.get(key).push(ev);
  }
  for (const group of at.values()) {
    const p = projection([group[0].location.lon, group[0].location.lat]);
    if (!p || !isFinite(p[0])) continue;
    const r = Math.min(12, 3 + 1.5 * Math.sqrt(group.length));
    svg += '<a href="#/event/' + esc(group[0].id) + '"><circle class="dot" cx="' + p[0].toFixed(1) + '" cy="' + p[1].toFixed(1) + '" r="' + r.toFixed(1) +
      '" data-events="' + esc(group.map((ev) => ev.id).join(" ")) + '"><title>' + esc(group[0].location.name) + ": " + group.length + " events (" +
      esc(group.slice(0, 8).map((ev) => (ev.source || "—") + " " + ev.event_code + " " + (ev.target || "—")).join("; ")) + (group.length > 8 ? "; …" : "") +
      ")</title></circle></a>";
  }
  return '<figure id="map"><figcaption>Where: ' + esc(placed.length) + " of " + esc(events.length) + " events name a place with coordinates; a dot opens its first event</figcaption>" +
    '<svg viewBox="0 0 ' + W + " " + H + '" role="img" aria-label="map of events">' + svg + "</svg></figure>";
}
async function loadSummary(params) {
  const q = new URLSearchParams(params);
  q.set("sort", "date");
  q.set("limit", kSummaryLimit);
  try {
    const body = await api("/api/events?" + q);
    params.delete("sort");
    $("event-summary").innerHTML = timeline(body.events, params) + await eventMap(body.events);
  } catch (error) { $("event-summary").innerHTML = ""; }
}
$("event-form").addEventListener("submit", (e) => { e.preventDefault(); go("#/events?" + formParams(e.target)); });
$("more").addEventListener("click", () => loadEvents(true));
$("event-summary").addEventListener("click", (e) => {
  // A dot standing for several events: the first opens; the list of all is in its tooltip.
  const dot = e.target.closest("circle.dot");
  if (dot) { e.preventDefault(); go("#/event/" + enc(dot.dataset.events.split(" ")[0])); }
});
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
  // Fixed to the viewport: it opens where the user is, whatever the list's scroll; the list
  // stays where it was behind it (back or Escape returns to it).
  panel.hidden = false;
  panel.focus({preventScroll: true});
  $("event-detail").innerHTML = '<p class="muted">loading…</p>';
  for (const row of document.querySelectorAll("tr.ev.open")) row.classList.remove("open");
  for (const row of document.querySelectorAll('tr.ev[data-id="' + CSS.escape(id || "") + '"]')) row.classList.add("open");
  try {
    const body = await api("/api/events/" + enc(id));
    const ev = body.event, doc = body.document || {};
    const p = ev.pattern || {};
    $("event-detail").innerHTML = '<dl class="facts">' +
      "<dt>event</dt><dd>" + esc(ev.source || "—") + " → " + esc(ev.event_code) + " → " + esc(ev.target || "—") +
        "<br>" + esc(codeName(ev.event_code)) +
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
        link("#/doc/" + enc(ev.document) + "?event=" + enc(ev.id) + (isRejected(ev) ? "&include_rejected=1" : ""), "the document with its events marked") + "</dd>" +
      "</dl>" + reviewSection(body);
  } catch (error) { showError($("event-detail"), error); }
}

// ---------------------------------------------------------------- review

const coding = (source, code, target) => (source || "—") + " " + code + " " + (target || "—");
function reviewLine(r) {
  return '<li><span class="state-' + esc(r.state) + '">' + esc(r.state) + "</span> by " + esc(r.reviewer) + " " + esc(r.at) +
    (r.corrected ? ": " + esc(coding(r.corrected.source, r.corrected.event_code, r.corrected.target)) +
                   ' <span class="muted">(machine: ' + esc(coding(r.machine.source, r.machine.event_code, r.machine.target)) + ")</span>" : "") +
    (r.note ? "<br>“" + esc(r.note) + "”" : "") + "</li>";
}
// The event's reviews and, when the server takes them, the form: confirmed, rejected, or
// corrected with the right actors or code. The machine coding is never changed.
function reviewSection(body) {
  const ev = body.event, reviews = body.reviews || [];
  let html = '<div class="review"><h3>Review</h3>' +
    (reviews.length ? "<ul>" + reviews.map(reviewLine).join("") + "</ul>" : '<p class="muted">Not reviewed.</p>');
  if (!body.reviews_open) return html + '<p class="muted">This server takes no reviews (start it with <code>dyad serve --token-file FILE</code>).</p></div>';
  html += '<form id="review-form" data-id="' + esc(ev.id) + '">' +
    '<fieldset class="states"><legend>verdict</legend>' +
    ["confirmed", "rejected", "corrected"].map((st) => '<label class="check"><input type="radio" name="state" value="' + st + '"' + (st === "confirmed" ? " checked" : "") + "> " + st + "</label>").join("") +
    "</fieldset>" +
    '<div class="correction" hidden><label>source<input name="source" placeholder="' + esc(ev.source || "-") + '"></label>' +
    '<label>target<input name="target" placeholder="' + esc(ev.target || "-") + '"></label>' +
    '<label>CAMEO code<input name="code" placeholder="' + esc(ev.event_code) + '"></label>' +
    '<p class="muted">Empty keeps the machine\'s; "-" removes an actor.</p></div>' +
    '<label class="wide">note<textarea name="note" rows="2" placeholder="why"></textarea></label>' +
    (token ? "" : '<label>token<input name="token" type="password" autocomplete="off" placeholder="from --token-file"></label>') +
    '<button class="go">Save the review</button><span id="review-status" class="muted"></span></form>';
  return html + "</div>";
}
$("event-detail").addEventListener("change", (e) => {
  const form = e.target.closest("#review-form");
  if (form && e.target.name === "state") form.querySelector(".correction").hidden = e.target.value !== "corrected";
});
$("event-detail").addEventListener("submit", async (e) => {
  const form = e.target.closest("#review-form");
  if (!form) return;
  e.preventDefault();
  const data = new FormData(form);
  if (data.get("token")) setToken(data.get("token"));
  const review = {state: data.get("state"), note: data.get("note") || ""};
  if (review.state === "corrected")
    for (const k of ["source", "target", "code"]) if (data.get(k)) review[k] = data.get(k).trim();
  try {
    await api("/api/events/" + enc(form.dataset.id) + "/review",
              {method: "POST", body: JSON.stringify(review), headers: {"Content-Type": "application/json"}});
    // The lists showing this event show its review the next time they are opened.
    for (const v of ["events", "doc"]) if (shown[v] !== background) delete shown[v];
    const row = document.querySelector('tr.ev[data-id="' + CSS.escape(form.dataset.id) + '"] td[data-label="review"]');
    if (row) row.innerHTML = reviewBadge({state: review.state, reviewer: "you", at: "now", note: review.note});
    openEvent(form.dataset.id);
  } catch (error) { $("review-status").textContent = " " + error.message; $("review-status").className = "error"; }
});
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
  // Only events that are evidence shade their sentence; a rejected one (listed with
  // include_rejected=1) keeps its marks, struck through.
  const withEvents = new Set((doc.events || []).filter((e) => !isRejected(e)).map((e) => e.sentence_index));
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
      const cls = ["V", "S", "T"].find((c) => over.some((s) => s.cls === c)) + (over.every((s) => isRejected(s.ev)) ? " rejected" : "");
      const ids = [...new Set(over.map((s) => s.ev.id))];
      const title = over.map((s) => "event " + s.ev.id + " (" + s.word + "): " + (s.ev.source || "—") + " " + s.ev.event_code + " " + (s.ev.target || "—") +
                                    (isRejected(s.ev) ? " — rejected by " + s.ev.review.reviewer : "")).join("\n");
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
    // Rejected events are left out as in the events list (include_rejected=1 shows them, struck through).
    const key = r.args[0] || "";
    const withRejected = r.params.get("include_rejected") === "1";
    const doc = await api("/api/documents/" + enc(/^\d+$/.test(key) ? "d" + key : key) + (withRejected ? "?include_rejected=1" : ""));
    const events = [...doc.events].sort((a, b) => a.sentence_index - b.sentence_index || a.id - b.id);
    const toggled = new URLSearchParams(r.params);
    if (withRejected) toggled.delete("include_rejected"); else toggled.set("include_rejected", "1");
    const toggle = "#/doc/" + enc(key) + (toggled.toString() ? "?" + toggled : "");
    const left = doc.rejected_events_left_out || 0;
    const rejectedNote = withRejected
      ? " Events an analyst rejected are struck through; they are no evidence (" + link(toggle, "hide them", "rejected-toggle") + ")."
      : left ? " " + esc(left) + (left === 1 ? " event" : " events") + " an analyst rejected left out (" + link(toggle, "show them", "rejected-toggle") + ")." : "";
    where.innerHTML = "<h2>" + esc(doc.title || doc.id) + "</h2>" + provenance(doc) +
      '<p class="muted">' + esc(events.length) + " coded events: " + '<mark class="S">source</mark> <mark class="V">verb</mark> <mark class="T">target</mark>; click a mark for its event.' + rejectedNote + "</p>" +
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
    // A sentence's events as in the events list: rejected ones only when the box is ticked, marked.
    const withRejected = r.params.get("include_rejected") === "1";
    const query = new URLSearchParams({q});
    if (withRejected) query.set("include_rejected", "1");
    const body = await api("/api/search?" + query);
    let html = body.hits.length ? '<table class="rows"><tr><th>document</th><th>date</th><th>sentence</th><th>events</th></tr>' : '<p class="muted">No sentence matches.</p>';
    for (const h of body.hits) {
      const states = h.event_reviews || [];
      const events = (h.events || []).map((id, i) => link("#/event/" + enc(id), "event " + esc(id)) +
        (states[i] ? ' <span class="state-' + esc(states[i]) + '">' + esc(states[i]) + "</span>" : "")).join(", ");
      html += '<tr><td data-label="document">' + link("#/doc/" + enc(h.document_id) + "?s=" + enc(h.sentence_index) + (withRejected ? "&include_rejected=1" : ""), esc(h.doc_title || "d" + h.document_id)) +
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
  for (const k of ["from", "to", "reviewed", "include_rejected"]) if (r.params.get(k)) params.set(k, r.params.get(k));
  return params;
}
async function renderRole(r) {
  await conflictsLoaded;
  const form = $("role-form");
  fillForm(form, r.params);
  syncRejectedBox(form);
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

// ---------------------------------------------------------------- token

$("token-form").addEventListener("submit", (e) => {
  e.preventDefault();
  setToken(new FormData(e.target).get("token") || "");
  $("token-form").hidden = true;
  for (const v of views) delete shown[v];
  route();
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
