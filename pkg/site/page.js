"use strict";
// The member calculator. Every figure comes from paymodel's model (the
// embedded data, package site); this script only applies the member's FTE
// exactly as the model does: a month's pay is full-time salary × FTE ÷ 12
// and a lump sum is its full-time value × FTE, each rounded to the penny,
// halves away from zero. Amounts are BigInt pence (or exact decimals as
// BigInt numerator and power-of-ten denominator) and FTE an exact fraction;
// binary floating point is used only to draw the chart.
(function () {
  const D = JSON.parse(document.getElementById("paydata").textContent);
  const $ = (id) => document.getElementById(id);
  const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  const N = D.years * 12;
  const startYear = Number(D.start.slice(0, 4));
  const startIdx = startYear * 12 + Number(D.start.slice(5, 7)) - 1; // months since year 0

  // ---- exact decimals: {n: BigInt, d: BigInt power of ten}
  function dec(s) {
    const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
    if (!m) return null;
    const frac = m[3] || "";
    const n = BigInt(m[2] + frac);
    return { n: m[1] ? -n : n, d: 10n ** BigInt(frac.length) };
  }
  // A number as a member types it: digits with at most one decimal point
  // and at most six decimal places (as paymodel reads FTE and CPD hours).
  function parseInput(s) {
    s = s.trim();
    if (!/^(\d+\.?\d{0,6}|\.\d{1,6})$/.test(s)) return null;
    if (s.startsWith(".")) s = "0" + s;
    if (s.endsWith(".")) s = s.slice(0, -1);
    return dec(s);
  }
  const cmp = (a, b) => { const x = a.n * b.d, y = b.n * a.d; return x < y ? -1 : x > y ? 1 : 0; };
  // p ÷ q rounded to a whole number, halves away from zero (q > 0).
  function roundDiv(p, q) {
    const neg = p < 0n;
    const r = ((neg ? -p : p) * 2n + q) / (2n * q);
    return neg ? -r : r;
  }
  // Pence of exact decimal x × FTE f ÷ per, rounded to the penny, halves
  // away from zero: a month's pay (per 12n), a lump sum or the pay now (1n).
  function atFTE(x, f, per) { return roundDiv(x.n * f.n * 100n, x.d * f.d * per); }
  function gcd(a, b) { while (b) { [a, b] = [b, a % b]; } return a < 0n ? -a : a; }
  const values = D.values.map(dec);

  // ---- formatting
  function group(digits) { return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ","); }
  // Pence as the exact decimal of data-value ("39000.00").
  function exactPence(p) {
    const a = p < 0n ? -p : p;
    return (p < 0n ? "-" : "") + (a / 100n) + "." + String(a % 100n).padStart(2, "0");
  }
  // Pence for people: whole pounds unless there are pence; signed adds +/−.
  function money(p, signed) {
    const a = p < 0n ? -p : p;
    let s = "£" + group(String(a / 100n));
    if (a % 100n !== 0n) s += "." + String(a % 100n).padStart(2, "0");
    if (p < 0n) return "−" + s;
    return signed && p > 0n ? "+" + s : s;
  }
  // An exact decimal value (a salary) for people.
  function moneyValue(v) {
    const x = values[v];
    if ((x.n * 100n) % x.d === 0n) return money((x.n * 100n) / x.d);
    return "£" + group(D.values[v].split(".")[0]) + "." + D.values[v].split(".")[1];
  }
  function monthName(mi) { const m = startIdx + mi; return MONTHS[m % 12] + " " + Math.floor(m / 12); }
  function dateName(mi) { return "1 " + monthName(mi); }
  function yearLabel(y) { const a = startYear + y; return a + "/" + String((a + 1) % 100).padStart(2, "0"); }
  // An FTE fraction as a decimal: exact when it has at most six places.
  function fteText(f) {
    const q = roundDiv(f.n * 1000000n, f.d);
    const s = (String(q / 1000000n) + "." + String(q % 1000000n).padStart(6, "0")).replace(/\.?0+$/, "");
    return (f.n * 1000000n) % f.d === 0n ? s : "about " + s;
  }

  // ---- the model's last step
  // One path at FTE f: its pay years [{salary: Values index, pay, lumps}],
  // its lump sums and each month's pay, in pence.
  function payYears(path, f) {
    const sal = new Array(N);
    let pos = 0;
    for (let i = 0; i < path.s.length; i += 2) {
      pos += path.s[i];
      sal.fill(path.s[i + 1], pos);
    }
    const cache = new Map();
    const monthly = new Array(N);
    const years = [];
    for (let y = 0; y < D.years; y++) years.push({ salary: sal[12 * y], pay: 0n, lumps: 0n });
    for (let mi = 0; mi < N; mi++) {
      const v = sal[mi];
      let p = cache.get(v);
      if (p === undefined) {
        p = atFTE(values[v], f, 12n);
        cache.set(v, p);
      }
      monthly[mi] = p;
      years[Math.floor(mi / 12)].pay += p;
    }
    const lumps = [];
    const l = path.l || [];
    for (let i = 0; i < l.length; i += 2) {
      const p = atFTE(values[l[i + 1]], f, 1n);
      years[Math.floor(l[i] / 12)].pay += p;
      years[Math.floor(l[i] / 12)].lumps += p;
      lumps.push({ month: l[i], pence: p });
    }
    return { years, lumps, monthly };
  }

  // The path of point pt under scenario s for CPD case c and point month offset i.
  function pathOf(pt, s, c, i) {
    const row = pt.paths[s];
    const runs = D.spans[row.length === 1 ? row[0] : row[c]];
    for (let k = 0; k < runs.length; k += 2) {
      if (i < runs[k]) return D.paths[runs[k + 1]];
      i -= runs[k];
    }
    throw new Error("point month outside the window");
  }

  // ---- the form
  const form = $("calc");
  const bandSel = $("band"), pointSel = $("point");
  D.bands.forEach((b, i) => {
    const o = document.createElement("option");
    o.value = String(i);
    o.textContent = b.title && b.title !== b.name ? b.name + " — " + b.title : b.name;
    bandSel.append(o);
  });
  function fillPoints(keep) {
    const b = D.bands[Number(bandSel.value)];
    pointSel.textContent = "";
    b.points.forEach((p, i) => {
      const o = document.createElement("option");
      o.value = String(i);
      o.textContent = "Point " + p.label + " (" + moneyValue(p.salary) + (p.st ? " " + MARK : "") + ")";
      pointSel.append(o);
    });
    if (keep !== undefined && keep < b.points.length) pointSel.value = String(keep);
    $("fulltime").textContent = b.hours;
    $("band-title").textContent = b.title && b.title !== b.name ? b.name + " — " + b.title : "";
  }

  function setError(id, msg) {
    $(id + "-error").textContent = msg || "";
    if (msg) $(id).setAttribute("aria-invalid", "true");
    else $(id).removeAttribute("aria-invalid");
    return !msg;
  }

  // Reads the form: the member's choices, or null with the errors shown.
  function read() {
    const b = D.bands[Number(bandSel.value)];
    const choice = { band: b, bi: Number(bandSel.value), pi: Number(pointSel.value) };
    let ok = true;
    const hoursText = $("hours").value.trim(), fteText_ = $("fte").value.trim();
    setError("fte", ""); setError("hours", "");
    if (hoursText !== "") {
      const h = parseInput(hoursText), full = dec(b.hours);
      if (!h || h.n === 0n || cmp(h, full) > 0) {
        ok = setError("hours", "Weekly hours must be a number above 0 and at most " + b.hours + ", such as 29.6.");
      } else {
        const n = h.n * full.d, d = h.d * full.n, g = gcd(n, d);
        choice.fte = { n: n / g, d: d / g };
        choice.hours = hoursText;
      }
    } else {
      const f = parseInput(fteText_ === "" ? "1" : fteText_);
      if (!f || f.n === 0n || cmp(f, { n: 1n, d: 1n }) > 0) {
        ok = setError("fte", "FTE must be a number above 0 and at most 1, with at most 6 decimal places, such as 0.8.");
      } else {
        choice.fte = f;
        choice.fteText = fteText_ === "" ? "1" : fteText_;
      }
    }
    const dateText = $("date").value;
    setError("date", "");
    choice.offset = D.window;
    if (dateText !== "") {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateText);
      if (!m) {
        ok = setError("date", "Write the date as YYYY-MM-DD.");
      } else if (dateText > D.start) {
        ok = setError("date", "The date must be on or before " + D.start + ".");
      } else {
        // Time at the point counts from the first of the month on or after it.
        const pm = Number(m[1]) * 12 + Number(m[2]) - 1 + (Number(m[3]) > 1 ? 1 : 0);
        let age = startIdx - pm;
        if (age > D.window) age -= 12 * Math.ceil((age - D.window) / 12);
        choice.offset = D.window - age;
        choice.date = dateText;
      }
    }
    const cpdText = $("cpd").value.trim();
    setError("cpd", "");
    choice.cpdCase = 0;
    if (cpdText !== "") {
      const h = parseInput(cpdText);
      if (!h) {
        ok = setError("cpd", "CPD hours must be a number of hours, such as 30.");
      } else {
        choice.cpd = cpdText;
        choice.cpdCase = 1;
        D.cpd.forEach((t, j) => { if (cmp(dec(t), h) <= 0) choice.cpdCase = j + 1; });
      }
    }
    return ok ? choice : null;
  }

  // The URL follows the form: ?band=Band%204&point=2&fte=0.8 …
  function writeURL() {
    const b = D.bands[Number(bandSel.value)];
    const q = [["band", b.name], ["point", b.points[Number(pointSel.value)].label]];
    if ($("hours").value.trim() !== "") q.push(["hours", $("hours").value.trim()]);
    else q.push(["fte", $("fte").value.trim() || "1"]);
    if ($("date").value) q.push(["date", $("date").value]);
    if ($("cpd").value.trim() !== "") q.push(["cpd", $("cpd").value.trim()]);
    const search = "?" + q.map(([k, v]) => k + "=" + encodeURIComponent(v)).join("&");
    if (location.search !== search) {
      try { history.replaceState(null, "", search); } catch (e) { /* some browsers refuse on file:// */ }
    }
  }

  function readURL() {
    const q = new URLSearchParams(location.search);
    const notes = [];
    const bi = D.bands.findIndex((b) => b.name === q.get("band"));
    if (q.has("band") && bi < 0) notes.push("The link names a band, “" + q.get("band") + "”, that this structure does not have.");
    bandSel.value = String(Math.max(bi, 0));
    const b = D.bands[Math.max(bi, 0)];
    const pi = b.points.findIndex((p) => p.label === q.get("point"));
    if (q.has("point") && pi < 0 && bi >= 0) notes.push("The link names a point, “" + q.get("point") + "”, that " + b.name + " does not have.");
    fillPoints(Math.max(pi, 0));
    if (q.has("fte")) $("fte").value = q.get("fte");
    if (q.has("hours")) $("hours").value = q.get("hours");
    if (q.has("date")) $("date").value = q.get("date");
    if (q.has("cpd")) $("cpd").value = q.get("cpd");
    return notes;
  }

  // ---- the results
  function el(tag, attrs, ...kids) {
    const e = document.createElement(tag);
    for (const k in attrs || {}) e.setAttribute(k, attrs[k]);
    for (const c of kids) e.append(c);
    return e;
  }
  function section(title, id) {
    const s = el("section", { "aria-labelledby": id });
    s.append(el("h2", { id }, title));
    return s;
  }
  // A table under its own heading, in a box that scrolls sideways (by
  // keyboard too) when the table is wider than the screen.
  function table(id, title, head) {
    const t = el("table", { id, "aria-labelledby": id + "-title" });
    const tr = el("tr", {}, el("th", { scope: "col" }, "Scenario"));
    for (const h of head) tr.append(el("th", { scope: "col" }, h));
    t.append(el("thead", {}, tr), el("tbody"));
    return el("div", {}, el("h3", { id: id + "-title" }, title),
      el("div", { class: "scroll", tabindex: "0", role: "region", "aria-labelledby": id + "-title" }, t));
  }
  function percent(diff, base) {
    if (base === 0n) return "";
    const tenths = roundDiv(diff * 1000n, base);
    const a = tenths < 0n ? -tenths : tenths;
    const s = String(a / 10n) + "." + String(a % 10n) + "%";
    return tenths < 0n ? "−" + s : tenths > 0n ? "+" + s : s;
  }

  // A salary the dataset does not give as published carries MARK
  // (Point.Status); STATUS_NOTE says so under the salary table.
  const MARK = "†";
  const STATUS_NOTE = MARK + " Some of your salaries here are illustrative or derived points, or worked out from one, not published figures: see the dataset’s README.";

  // overlaps returns the groups (of two or more scenario indices) whose
  // pay is the same in every pay year, so that their chart lines lie on
  // one another.
  function overlaps(rows) {
    const groups = new Map();
    rows.forEach((r, s) => {
      const key = r.years.map((yy) => String(yy.pay)).join(",");
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(s);
    });
    return Array.from(groups.values()).filter((g) => g.length > 1);
  }
  function names(list) {
    return list.length < 2 ? list.join("") : list.slice(0, -1).join(", ") + " and " + list[list.length - 1];
  }

  const DASHES = ["", "7 4", "2 3", "9 3 2 3", "12 4", "4 2 4 6", "1 2"];
  const MARKS = ["circle", "square", "triangle", "diamond", "cross", "down", "plus"];
  const COLOURS = ["#1a1a1a", "#0b4f8a", "#a4161a", "#2d6a2d", "#7a4b00", "#5a2d82", "#00666b"];
  function marker(kind, x, y, colour) {
    const r = 4;
    const ns = "http://www.w3.org/2000/svg";
    let e;
    const pts = (a) => a.map((p) => (x + p[0] * r) + "," + (y + p[1] * r)).join(" ");
    switch (kind) {
      case "circle": e = document.createElementNS(ns, "circle"); e.setAttribute("cx", x); e.setAttribute("cy", y); e.setAttribute("r", r); break;
      case "square": e = document.createElementNS(ns, "rect"); e.setAttribute("x", x - r); e.setAttribute("y", y - r); e.setAttribute("width", 2 * r); e.setAttribute("height", 2 * r); break;
      case "triangle": e = document.createElementNS(ns, "polygon"); e.setAttribute("points", pts([[0, -1.2], [1.1, 0.9], [-1.1, 0.9]])); break;
      case "diamond": e = document.createElementNS(ns, "polygon"); e.setAttribute("points", pts([[0, -1.3], [1.3, 0], [0, 1.3], [-1.3, 0]])); break;
      case "down": e = document.createElementNS(ns, "polygon"); e.setAttribute("points", pts([[0, 1.2], [1.1, -0.9], [-1.1, -0.9]])); break;
      default: {
        e = document.createElementNS(ns, "path");
        const d = kind === "cross" ? [[-1, -1], [1, 1], [-1, 1], [1, -1]] : [[-1.2, 0], [1.2, 0], [0, -1.2], [0, 1.2]];
        e.setAttribute("d", "M" + pts([d[0], d[1]]).replace(" ", "L") + "M" + pts([d[2], d[3]]).replace(" ", "L"));
        e.setAttribute("stroke-width", "2");
      }
    }
    const open = kind === "cross" || kind === "plus";
    e.setAttribute("fill", open ? "none" : colour);
    e.setAttribute("stroke", colour);
    return e;
  }
  function chart(rows) {
    const ns = "http://www.w3.org/2000/svg";
    const W = 640, H = 300, L = 70, R = 30, T = 14, B = 36;
    const svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 " + W + " " + H);
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-labelledby", "chart-title");
    const title = document.createElementNS(ns, "title");
    title.id = "chart-title";
    title.textContent = "Your pay in each pay year under each scenario (the table above has the figures)";
    svg.append(title);
    let lo = Infinity, hi = -Infinity;
    for (const r of rows) for (const y of r.years) { const v = Number(y.pay) / 100; lo = Math.min(lo, v); hi = Math.max(hi, v); }
    if (hi - lo < 1) { hi += 500; lo -= 500; }
    const pad = (hi - lo) * 0.08; lo = Math.max(0, lo - pad); hi += pad;
    const step = Math.pow(10, Math.floor(Math.log10((hi - lo) / 4)));
    const tick = [1, 2, 2.5, 5, 10].map((m) => m * step).find((s) => (hi - lo) / s <= 6);
    const x = (i) => L + (D.years === 1 ? (W - L - R) / 2 : i * (W - L - R) / (D.years - 1));
    const y = (v) => T + (hi - v) * (H - T - B) / (hi - lo);
    const line = (x1, y1, x2, y2, cls) => { const e = document.createElementNS(ns, "line"); e.setAttribute("x1", x1); e.setAttribute("y1", y1); e.setAttribute("x2", x2); e.setAttribute("y2", y2); e.setAttribute("stroke", cls); return e; };
    const text = (s, x0, y0, anchor) => { const e = document.createElementNS(ns, "text"); e.setAttribute("x", x0); e.setAttribute("y", y0); e.setAttribute("text-anchor", anchor); e.setAttribute("font-size", "12"); e.setAttribute("fill", "#1a1a1a"); e.textContent = s; return e; };
    for (let v = Math.ceil(lo / tick) * tick; v <= hi; v += tick) {
      svg.append(line(L, y(v), W - R, y(v), "#d0d0d0"), text("£" + group(String(Math.round(v))), L - 6, y(v) + 4, "end"));
    }
    svg.append(line(L, T, L, H - B, "#1a1a1a"), line(L, H - B, W - R, H - B, "#1a1a1a"));
    for (let i = 0; i < D.years; i++) svg.append(text(yearLabel(i), x(i), H - B + 18, "middle"));
    rows.forEach((r, s) => {
      const colour = COLOURS[s % COLOURS.length];
      const pl = document.createElementNS(ns, "polyline");
      pl.setAttribute("points", r.years.map((yy, i) => x(i) + "," + y(Number(yy.pay) / 100)).join(" "));
      pl.setAttribute("fill", "none");
      pl.setAttribute("stroke", colour);
      pl.setAttribute("stroke-width", "2");
      if (DASHES[s % DASHES.length]) pl.setAttribute("stroke-dasharray", DASHES[s % DASHES.length]);
      svg.append(pl);
      r.years.forEach((yy, i) => svg.append(marker(MARKS[s % MARKS.length], x(i), y(Number(yy.pay) / 100), colour)));
    });
    const legend = el("ul", { class: "legend" });
    rows.forEach((r, s) => {
      const colour = COLOURS[s % COLOURS.length];
      const key = document.createElementNS(ns, "svg");
      key.setAttribute("width", "40"); key.setAttribute("height", "12"); key.setAttribute("aria-hidden", "true");
      const l = line(2, 6, 38, 6, colour); l.setAttribute("stroke-width", "2");
      if (DASHES[s % DASHES.length]) l.setAttribute("stroke-dasharray", DASHES[s % DASHES.length]);
      key.append(l, marker(MARKS[s % MARKS.length], 20, 6, colour));
      legend.append(el("li", {}, key, D.scenarios[s].name));
    });
    const same = overlaps(rows).map((g) => "Lines overlap: " + names(g.map((s) => D.scenarios[s].name)) + " give the same pay every year.");
    return el("div", { class: "chart" }, svg, legend, ...same.map((t) => el("p", { class: "note", "data-overlap": "" }, t)));
  }

  function render(c) {
    const out = $("results");
    out.textContent = "";
    if (!c) {
      $("status").textContent = "Correct the entries marked to see your pay.";
      return;
    }
    const pt = c.band.points[c.pi];
    const rows = D.scenarios.map((_, s) => {
      const path = pathOf(pt, s, c.cpdCase, c.offset);
      return Object.assign({ path }, payYears(path, c.fte));
    });
    const cur = rows[0];

    // Where you are now.
    const payNow = atFTE(values[pt.salary], c.fte, 1n);
    const fteShown = c.hours !== undefined ? fteText(c.fte) + " (" + c.hours + " of " + c.band.hours + " hours)" : c.fteText;
    const now = section("Where you are now", "h-now");
    const facts = el("dl", { class: "facts" });
    // A key figure; money ones carry data-fact and data-value (exact) too.
    const fact = (label, value, note, attrs) => facts.append(el("div", {}, el("dt", {}, label), el("dd", attrs || {}, value, note ? el("small", {}, note) : "")));
    fact("Your point", (c.pi + 1) + " of " + c.band.points.length, "point " + pt.label + " of " + c.band.name);
    fact("Full-time salary", moneyValue(pt.salary) + (pt.st ? " " + MARK : ""), pt.st ? MARK + " " + pt.st + " point, not published" : "", { "data-fact": "salary", "data-value": D.values[pt.salary] });
    fact("Your pay", money(payNow), "a year at " + fteShown + " FTE", { "data-fact": "pay", "data-value": exactPence(payNow) });
    fact("Through your band", pt.through);
    now.append(facts);
    const summary = c.band.name + " point " + pt.label + ", " + fteShown + " FTE" +
      (c.date ? ", reached your point on " + c.date : "") + (c.cpd ? ", " + c.cpd + " CPD hours a year" : "") + ".";
    now.append(el("p", { class: "choices" }, summary));
    $("status").textContent = "Showing your pay for " + summary;
    out.append(now);

    // Progression.
    const prog = section("When you move up", "h-moves");
    // Scenarios that move the member alike share one line.
    const lines = new Map();
    rows.forEach((r, s) => {
      const p = r.path;
      let t = "";
      if (c.pi === c.band.points.length - 1 && p.t === 0) t = "at the top of " + c.band.name + " now.";
      else {
        t = p.n >= 0 ? "next move to " + p.nb + " point " + p.np + " on " + dateName(p.n) + "; " : "no move within " + D.years + " years; ";
        t += p.t >= 0 ? "top of " + c.band.name + " on " + dateName(p.t) + " (" + p.ty + " years)." : "does not reach the top of " + c.band.name + " within " + D.years + " years.";
      }
      if (p.c && c.pi < c.band.points.length - 1) t += " Passing your point needs " + p.c + " CPD hours in the 12 months before.";
      if (!lines.has(t)) lines.set(t, []);
      lines.get(t).push(D.scenarios[s].name);
    });
    const ul = el("ul", { class: "moves" });
    lines.forEach((names, t) => ul.append(el("li", {}, el("strong", {}, names.join(", ") + ": "), t)));
    prog.append(ul);
    out.append(prog);

    // Salary and pay by pay year.
    const heads = [];
    for (let y = 0; y < D.years; y++) heads.push(yearLabel(y));
    const figures = section("Your salary and pay, year by year", "h-years");
    const salT = table("salary", "Full-time salary at the start of each pay year", heads);
    const payT = table("pay", "Your pay in each pay year (difference from Current under each offer)", heads);
    rows.forEach((r, s) => {
      const name = D.scenarios[s].name;
      const sr = el("tr", {}, el("th", { scope: "row" }, name));
      const pr = el("tr", {}, el("th", { scope: "row" }, name));
      r.years.forEach((yy, y) => {
        sr.append(el("td", { "data-scenario": name, "data-year": String(y + 1), "data-kind": "salary", "data-value": D.values[yy.salary] }, moneyValue(yy.salary)));
        const td = el("td", { "data-scenario": name, "data-year": String(y + 1), "data-kind": "pay", "data-value": exactPence(yy.pay) }, money(yy.pay));
        if (s > 0) {
          const diff = yy.pay - cur.years[y].pay;
          td.append(el("span", { class: "diff" }, money(diff, true)), el("span", { class: "diff" }, percent(diff, cur.years[y].pay)));
        }
        pr.append(td);
      });
      salT.querySelector("tbody").append(sr);
      payT.querySelector("tbody").append(pr);
    });
    if (rows.some((r) => r.path.u)) salT.append(el("p", { class: "note", id: "status-note" }, STATUS_NOTE));
    figures.append(salT, payT, el("p", { class: "note" }, "Pay is your salary × FTE month by month (each month rounded to the penny), plus any one-off payments, with your progression under each scenario’s rules. Differences in % are of Current’s pay, to one decimal place."));
    out.append(figures);

    // One-off payments.
    const lumpRows = [];
    rows.forEach((r, s) => r.lumps.forEach((l) => lumpRows.push(el("li", { "data-scenario": D.scenarios[s].name }, el("strong", {}, D.scenarios[s].name + ": "), money(l.pence) + " in " + monthName(l.month)))));
    if (lumpRows.length) {
      const ls = section("One-off payments", "h-lumps");
      ls.append(el("ul", { class: "moves" }, ...lumpRows), el("p", { class: "note" }, "Included in your pay above."));
      out.append(ls);
    }

    // Arrears of a deal put into pay late: the month's pay under the deal
    // less under Current, for each month before it.
    const arrears = [];
    rows.forEach((r, s) => {
      const m = D.scenarios[s].arrears;
      if (m === undefined) return;
      let sum = 0n;
      for (let mi = 0; mi < m; mi++) sum += r.monthly[mi] - cur.monthly[mi];
      const name = D.scenarios[s].name;
      arrears.push(el("li", {}, el("strong", {}, name + ": "),
        el("span", { "data-scenario": name, "data-year": String(Math.floor(m / 12) + 1), "data-kind": "arrears", "data-value": exactPence(sum) }, money(sum)),
        " paid in " + monthName(m) + ", for the months from " + monthName(0) + " until it is put into pay."));
    });
    if (arrears.length) {
      const as = section("Arrears", "h-arrears");
      as.append(el("ul", { class: "moves" }, ...arrears), el("p", { class: "note" }, "Your pay above counts each offer from the dates of its awards; where an offer is put into pay later, you are paid Current’s pay until then and the difference as arrears."));
      out.append(as);
    }

    const ch = section("Your pay path", "h-chart");
    ch.append(chart(rows));
    out.append(ch);

    const offers = section("The scenarios", "h-offers");
    const dl = el("dl", { class: "offers" });
    D.scenarios.forEach((s, i) => dl.append(el("dt", {}, s.name), el("dd", {}, s.description || (i === 0 ? "The current pay structure carried forward, with no award." : ""))));
    offers.append(dl);
    out.append(offers);
  }

  function update() {
    const c = read();
    writeURL();
    render(c);
  }

  bandSel.addEventListener("change", () => { fillPoints(0); update(); });
  pointSel.addEventListener("change", update);
  $("fte").addEventListener("input", () => { if ($("fte").value.trim() !== "") $("hours").value = ""; update(); });
  $("hours").addEventListener("input", () => { if ($("hours").value.trim() !== "") $("fte").value = ""; update(); });
  $("date").addEventListener("change", update);
  $("date").addEventListener("input", update);
  $("cpd").addEventListener("input", update);
  form.addEventListener("submit", (e) => { e.preventDefault(); update(); });

  const notes = readURL();
  const c = read();
  render(c);
  if (notes.length) $("results").prepend(el("p", { class: "error", role: "alert" }, notes.join(" ")));
  document.documentElement.setAttribute("data-ready", "1");
})();
