// The web page of `dyad serve` in a real browser: headless Chromium (Debian's `chromium`) driven
// by puppeteer-core, on the bundled sample articles plus one hostile document. Run by CTest:
//   node tests/browser/web_test.js DYAD_BINARY SOURCE_DIR SCREENSHOT_DIR
// Covers search -> event -> document -> review -> role report, back and forward, the map and the
// timeline, the event panel where the user is, a phone's width, and that nothing from a document
// runs or becomes a javascript: link. Saves a screenshot of each view into SCREENSHOT_DIR.
// Exits 77 (CTest: skipped) with a message when Chromium or node_modules are missing.
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const {spawn, execFileSync} = require("child_process");

const [dyad, sourceDir, shotDir] = process.argv.slice(2);
const skip = (why) => { console.log("skipped: " + why); process.exit(77); };
if (!dyad || !sourceDir || !shotDir) { console.error("usage: web_test.js DYAD_BINARY SOURCE_DIR SCREENSHOT_DIR"); process.exit(2); }
const chromium = [process.env.DYAD_CHROMIUM, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => p && fs.existsSync(p));
if (!chromium) skip("no Chromium (apt-get install chromium, or set DYAD_CHROMIUM)");
let puppeteer;
try { puppeteer = require(path.join(__dirname, "node_modules", "puppeteer-core")); }
catch (e) { skip("no tests/browser/node_modules (run `npm ci` in tests/browser)"); }

const kToken = "browser-test-token-0123456789";
let failures = 0;
function check(ok, what) {
  console.log((ok ? "ok   " : "FAIL ") + what);
  if (!ok) ++failures;
}

// A document whose every field tries to inject markup or a script.
const kHostile = `date: 2022-03-05
source: <b>Hostile</b> Wire
url: javascript:alert(1)
title: <img src=x onerror="window.__owned=1">Hostile title

Belarus hosted Russian troops near the <script>window.__owned=2</script> border <img src=x onerror="window.__owned=3">.
`;

function startServer(db, tokens) {
  return new Promise((resolve, reject) => {
    const server = spawn(dyad, ["serve", "--db", db, "--port", "0", "--token-file", tokens, "--quiet"], {stdio: ["ignore", "ignore", "pipe"]});
    let err = "";
    server.stderr.on("data", (d) => {
      err += d;
      const m = /on (http:\/\/[^/\s]+\/)/.exec(err);
      if (m) resolve({server, url: m[1]});
    });
    server.on("exit", (code) => reject(new Error("dyad serve exited with " + code + ": " + err)));
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "dyad-browser-"));
  const db = path.join(work, "evidence.db");
  fs.writeFileSync(path.join(work, "hostile.txt"), kHostile);
  const samples = fs.readdirSync(path.join(sourceDir, "data/samples")).filter((f) => f.endsWith(".txt"))
    .map((f) => path.join(sourceDir, "data/samples", f));
  execFileSync(dyad, ["ingest", ...samples, path.join(work, "hostile.txt"), "--db", db], {stdio: "ignore"});
  const tokens = path.join(work, "tokens");
  fs.writeFileSync(tokens, "ana " + kToken + "\n");
  fs.mkdirSync(shotDir, {recursive: true});

  const {server, url} = await startServer(db, tokens);
  const browser = await puppeteer.launch({executablePath: chromium, headless: true,
                                          args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]});
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("dialog", async (d) => { errors.push("dialog: " + d.message()); await d.dismiss(); });
    await page.setViewport({width: 1280, height: 900});
    const hash = () => page.evaluate(() => location.hash);
    const shot = (name) => page.screenshot({path: path.join(shotDir, name + ".png")});
    const idle = () => page.waitForNetworkIdle({idleTime: 150, timeout: 15000}).catch(() => {});
    // Opens a view and waits until it has loaded (the page sets data-busy meanwhile).
    const open = async (view) => {
      await page.goto(url + view, {waitUntil: "networkidle0"});
      await page.waitForFunction(() => !document.body.dataset.busy, {polling: 50, timeout: 15000});
    };

    // Search.
    await page.goto(url + "#/search", {waitUntil: "networkidle0"});
    await page.type("#search-form input[name=q]", "drills");
    await page.click("#search-form button");
    await page.waitForSelector("#search-results table");
    check((await hash()) === "#/search?q=drills", "the search has an address: " + await hash());
    const hits = await page.$$eval("#search-results tr", (rows) => rows.length - 1);
    check(hits >= 1, "search finds sentences (" + hits + ")");
    await shot("search");

    // -> event: the panel, in view.
    const eventHref = await page.$eval('#search-results a[href^="#/event/"]', (a) => a.getAttribute("href"));
    await page.click('#search-results a[href^="#/event/"]');
    await page.waitForSelector("#event-detail dl");
    const eventId = eventHref.split("/").pop();
    check((await hash()) === eventHref, "the event has an address: " + eventHref);
    check(await page.$eval("#event-detail", (d) => /\d{3}/.test(d.innerText) && d.innerText.length > 50), "the event panel shows the event");
    await shot("event");

    // -> document: the text with its events marked, this one outlined; provenance.
    await page.click('#event-detail a[href^="#/doc/"]');
    await page.waitForSelector("#doc-text mark.current");
    check(/^#\/doc\/\d+\?event=\d+$/.test(await hash()), "the document has an address: " + await hash());
    const marks = await page.$$eval("#doc-text mark", (m) => m.length);
    check(marks >= 3, "the document's events are marked (" + marks + " marks)");
    check(await page.$eval("#view-doc", (v) => /sha256/.test(v.innerText) && /https:\/\/example\.org/.test(v.innerText)), "the document shows its provenance");
    const inView = await page.$eval("#doc-text mark.current", (m) => { const r = m.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; });
    check(inView, "the linked event is scrolled into view");
    await shot("document");

    // Back and forward.
    await page.goBack();
    await page.waitForFunction(() => !document.querySelector("#event-panel").hidden);
    check((await hash()) === eventHref, "back returns to the event");
    await page.goBack();
    await page.waitForFunction(() => document.querySelector("#event-panel").hidden);
    check((await hash()) === "#/search?q=drills" && await page.$eval("#view-search", (v) => v.classList.contains("on")), "back again returns to the search");
    await page.goForward();
    await page.waitForFunction(() => !document.querySelector("#event-panel").hidden);
    check((await hash()) === eventHref, "forward opens the event again");

    // -> review: confirm it, with the token.
    await page.waitForSelector("#review-form");
    await page.click('#review-form input[value="confirmed"]');
    await page.type("#review-form textarea[name=note]", "seen in the ministry's own statement");
    await page.type("#review-form input[name=token]", kToken);
    await page.click("#review-form button");
    const reviewed = await page.waitForFunction(() => /confirmed by ana/.test(document.querySelector("#event-detail .review")?.innerText || ""), {timeout: 10000, polling: 100})
      .then(() => true, () => false);
    check(reviewed, "the review is stored and shown with who" +
          (reviewed ? "" : ": " + await page.$eval("#event-detail", (d) => d.innerText.slice(-300))));
    await shot("review");

    // -> role report, reviewed evidence only.
    await page.goto(url + "#/role/BLR/russia-ukraine?reviewed=1", {waitUntil: "networkidle0"});
    const frame = await (await page.waitForSelector("#role-frame")).contentFrame();
    await frame.waitForSelector("h1");
    const report = await frame.evaluate(() => document.body.innerText);
    check(/only events an analyst confirmed or corrected/.test(report), "the role report says it uses reviewed evidence only");
    check(/Events in the window: 1;/.test(report) && /confirmed by ana/.test(report), "the reviewed event is the report's evidence, with its review");
    check(await page.$eval("#role-form input[name=reviewed]", (c) => c.checked), "the form shows the address's choices");
    await shot("role");
    const api = await page.evaluate(async (id) => (await (await fetch("/api/events/" + id)).json()).event.review.state, eventId);
    check(api === "confirmed", "the API shows the review");

    // A rejected event leaves the list; "include rejected" finds it again, and it can be un-rejected.
    const other = await page.evaluate(async () => (await (await fetch("/api/events?actor=BLR&review=unreviewed&limit=1")).json()).events[0].id);
    const rowOf = (id) => page.$('#event-results tr.ev[data-id="' + id + '"]');
    const reviewAs = async (state) => {
      // (The choice and the button in one step inside the page, once it is not busy: the panel may
      // render again between a wait and a click from outside, detaching what was found.)
      await page.waitForFunction((s) => {
        const choice = document.querySelector('#review-form input[value="' + s + '"]');
        const button = document.querySelector("#review-form button");
        if (!choice || !button || document.body.dataset.busy) return false;
        choice.click();
        button.click();
        return true;
      }, {timeout: 10000, polling: 50}, state);
      return page.waitForFunction((s) => [...document.querySelectorAll("#event-detail .review li")].pop()?.innerText.startsWith(s + " by ana"),
                                  {timeout: 10000, polling: 100}, state).then(() => true, () => false);
    };
    await open("#/event/" + other);
    check(await reviewAs("rejected"), "an event is rejected from the page");
    await open("#/events?actor=BLR&sort=id");
    check(!(await rowOf(other)), "a rejected event is left out of the list");
    // The document view and search leave it out too; "show them" and "include rejected" list it,
    // marked as rejected (issue 13).
    const rejectedEvent = await page.evaluate(async (id) => (await (await fetch("/api/events/" + id)).json()).event, other);
    await open("#/doc/" + rejectedEvent.document);
    check(!(await page.$('#doc-text mark[data-ids~="' + other + '"]')) && !(await page.$('#view-doc tr.ev[data-id="' + other + '"]')),
          "the document view leaves the rejected event out");
    await page.click("#view-doc a.rejected-toggle");
    await page.waitForFunction(() => /include_rejected=1/.test(location.hash) && !document.body.dataset.busy, {polling: 50, timeout: 15000});
    await page.waitForSelector('#view-doc tr.ev[data-id="' + other + '"] .state-rejected', {timeout: 10000}).catch(() => {});
    check(!!(await page.$('#view-doc tr.ev[data-id="' + other + '"] .state-rejected')) && !!(await page.$('#doc-text mark[data-ids~="' + other + '"]')) &&
          !!(await page.$("#doc-text mark.rejected")), "\"show them\" lists it in the document, marked rejected and struck through");
    await page.$eval('#doc-text mark[data-ids~="' + other + '"]', (m) => m.scrollIntoView({block: "center"}));
    await shot("document-rejected");
    const verb = (rejectedEvent.verb_text.match(/[A-Za-z]+/) || [""])[0];
    const eventLink = '#search-results a[href="#/event/' + other + '"]';
    await open("#/search?q=" + encodeURIComponent(verb));
    check(!!(await page.$("#search-results table")) && !(await page.$(eventLink)), "search leaves the rejected event out (q=" + verb + ")");
    await open("#/search?q=" + encodeURIComponent(verb) + "&include_rejected=1");
    check(await page.$eval("#search-form input[name=include_rejected]", (c) => c.checked) &&
          await page.$eval(eventLink, (a) => a.nextElementSibling?.classList.contains("state-rejected")).catch(() => false),
          "search with \"include rejected\" lists it, marked rejected");
    await open("#/events?actor=BLR&sort=id");
    await page.click("#event-form input[name=include_rejected]");
    await page.click("#event-form button");
    await page.waitForFunction(() => /include_rejected=1/.test(location.hash) && !document.body.dataset.busy, {polling: 50, timeout: 15000});
    await page.waitForSelector('#event-results tr.ev[data-id="' + other + '"] .state-rejected', {timeout: 10000}).catch(() => {});
    check(!!(await page.$('#event-results tr.ev[data-id="' + other + '"] .state-rejected')), "\"include rejected\" lists it, marked rejected");
    await page.click('#event-results tr.ev[data-id="' + other + '"] a');
    check(await reviewAs("confirmed"), "the rejected event is un-rejected");
    await open("#/events?actor=BLR&sort=id");
    check(!!(await rowOf(other)), "an un-rejected event is listed again");
    check(await page.$eval("#event-form input[name=include_rejected]", (c) => !c.checked), "the box follows the address");

    // Events: sorted by date, CAMEO names, timeline, map.
    await open("#/events?actor=BLR");
    await page.waitForSelector("#map svg circle.dot");
    const land = await page.$$eval("#map svg path.land", (p) => p.filter((x) => (x.getAttribute("d") || "").length > 10).length);
    const dots = await page.$$eval("#map svg circle.dot", (c) => c.length);
    const bars = await page.$$eval("#timeline rect.bar", (r) => r.length);
    check(land >= 20, "the map draws countries (" + land + " paths)");
    check(dots >= 1, "the map has event dots (" + dots + ")");
    check(bars >= 2, "the timeline has bars (" + bars + ")");
    const dates = await page.$$eval("#event-results tr.ev td:first-child", (c) => c.map((x) => x.innerText));
    check(dates.length > 5 && dates.every((d, i) => i === 0 || d >= dates[i - 1]), "events come sorted by date");
    check(await page.$$eval("#event-results .codename", (n) => n.filter((x) => x.innerText.length > 3).length) > 5, "CAMEO codes are shown with their names");
    await shot("events");
    // A dot opens its event.
    await page.click("#map svg circle.dot");
    await page.waitForFunction(() => !document.querySelector("#event-panel").hidden && /^#\/event\//.test(location.hash));
    check(true, "a map dot opens its event");
    await page.keyboard.press("Escape");
    await page.waitForFunction(() => document.querySelector("#event-panel").hidden);

    // The event panel opens where the user is: far down the list, in view; back keeps the place.
    await open("#/events");
    const rows = await page.$$("#event-results tr.ev");
    const row = rows[Math.min(60, rows.length - 1)];
    await row.evaluate((r) => r.scrollIntoView({block: "center"}));
    const scrolled = await page.evaluate(() => scrollY);
    await row.click({offset: {x: 200, y: 5}});
    await page.waitForSelector("#event-detail dl");
    const panel = await page.$eval("#event-panel", (p) => { const r = p.getBoundingClientRect(); return {top: r.top, bottom: r.bottom, h: innerHeight}; });
    check(scrolled > 1000 && panel.top >= 0 && panel.top < 10 && panel.bottom <= panel.h + 1, "the event opens in view after scrolling " + scrolled + " px");
    await page.goBack();
    await page.waitForFunction(() => document.querySelector("#event-panel").hidden);
    check(Math.abs(await page.evaluate(() => scrollY) - scrolled) < 5, "back keeps the list where it was");

    // Nothing from a document runs or links to javascript:.
    const hostile = await page.evaluate(async () => (await (await fetch("/api/search?q=hosted")).json()).hits.find((h) => /Hostile/.test(h.doc_title)));
    check(!!hostile, "the hostile document was ingested");
    if (hostile) {
      await open("#/doc/" + hostile.document_id);
      await page.waitForSelector("#doc-text");
      await sleep(300);
      const safe = await page.evaluate(() => ({
        owned: window.__owned, images: document.querySelectorAll("#view-doc img, #view-doc script").length,
        jsLinks: [...document.querySelectorAll("a")].filter((a) => /^javascript:/i.test(a.getAttribute("href") || "")).length,
        shown: document.querySelector("#view-doc").innerText.includes('<img src=x onerror="window.__owned=1">Hostile title')}));
      check(safe.owned === undefined && safe.images === 0 && safe.jsLinks === 0 && safe.shown, "a hostile document is shown as text: " + JSON.stringify(safe));
    }

    // A phone's width: nothing wider than the screen; the panel covers it.
    await page.setViewport({width: 400, height: 800});
    for (const view of ["#/events", "#/doc/1", "#/search?q=troops", "#/role/BLR/russia-ukraine", "#/event/" + eventId]) {
      await open(view);
      await idle();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      check(width <= 400, "at 400 px " + view + " is " + width + " px wide");
    }
    const phonePanel = await page.$eval("#event-panel", (p) => p.getBoundingClientRect().width);
    check(phonePanel <= 400 && phonePanel >= 380, "at 400 px the event panel takes the screen (" + phonePanel + " px)");
    await shot("event-400px");
    await open("#/events");
    await shot("events-400px");

    check(errors.length === 0, "no script errors" + (errors.length ? ": " + errors.join("; ") : ""));
  } finally {
    await browser.close();
    server.kill("SIGTERM");
    fs.rmSync(work, {recursive: true, force: true});
  }
  console.log(failures ? failures + " checks failed" : "all checks passed; screenshots in " + shotDir);
  process.exit(failures ? 1 : 0);
}

main().catch((e) => { console.error("FAIL " + (e && e.stack || e)); process.exit(1); });
