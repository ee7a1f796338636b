/* Practice Digital Security Card: a demo DSC+ and login screen, computed in the browser.
   Mirrors troubleshooter.demo (demo_key, ChallengeLogin.verify) and the library's
   troubleshooter.verification.ocra with OCRA-1:HOTP-SHA256-8:QN06-PSHA1. Demo keys only;
   no network; every visible string comes from the element's data-strings. */
(function () {
  "use strict";
  if (window.dscPractice) return;
  var SUITE = "OCRA-1:HOTP-SHA256-8:QN06-PSHA1";
  var PIN_DIGITS = 4, CHALLENGE_DIGITS = 6, DIGITS = 8, MEMORY = 5;
  var enc = new TextEncoder();
  var count = 0;

  function len(s) { return Array.from(s).length; }

  /* sha256("troubleshooter-demo:" + seed + ":dsc"), as demo_key(seed, "dsc"). */
  function demoKey(seed) {
    seed = String(seed);
    if (len(seed) < 1 || len(seed) > 64 || seed.toUpperCase().indexOf("DEMO") < 0) {
      return Promise.reject(new Error("demo seed must contain 'DEMO'; never use a real secret"));
    }
    return crypto.subtle.digest("SHA-256", enc.encode("troubleshooter-demo:" + seed + ":dsc"));
  }

  /* RFC 6287 OCRA for SUITE: suite ‖ 0x00 ‖ Q (128 bytes) ‖ SHA-1(PIN), HMAC-SHA-256. */
  function response(seed, pin, challenge) {
    pin = String(pin);
    challenge = String(challenge);
    if (!/^[0-9]{1,12}$/.test(challenge)) return Promise.reject(new Error("bad challenge"));
    if (len(pin) < 1 || len(pin) > 64) return Promise.reject(new Error("bad PIN"));
    var s = crypto.subtle;
    return Promise.all([demoKey(seed), s.digest("SHA-1", enc.encode(pin))]).then(function (r) {
      var suite = enc.encode(SUITE);
      var msg = new Uint8Array(suite.length + 1 + 128 + 20);
      var hex = BigInt(challenge).toString(16).padEnd(256, "0");
      msg.set(suite);
      for (var i = 0; i < 128; i++) msg[suite.length + 1 + i] = parseInt(hex.substr(2 * i, 2), 16);
      msg.set(new Uint8Array(r[1]), suite.length + 129);
      return s.importKey("raw", r[0], { name: "HMAC", hash: "SHA-256" }, false, ["sign"])
        .then(function (key) { return s.sign("HMAC", key, msg); });
    }).then(function (buf) {
      var m = new Uint8Array(buf), o = m[m.length - 1] & 15;
      var n = (((m[o] & 127) << 24) | (m[o + 1] << 16) | (m[o + 2] << 8) | m[o + 3]) >>> 0;
      return String(n % 1e8).padStart(DIGITS, "0");
    });
  }

  function randomChallenge() {
    var a = new Uint32Array(1);
    do crypto.getRandomValues(a); while (a[0] >= 4294000000);
    return String(a[0] % 1e6).padStart(CHALLENGE_DIGITS, "0");
  }

  /* As _input.normalise: NFKC, then drop whitespace and hyphens. */
  function normalise(text) {
    if (/^[0-9]+$/.test(text)) return text;
    return text.normalize("NFKC")
      .replace(/[\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000-]/g, "");
  }

  /* The order of checks of ChallengeLogin.verify; entries are oldest first. */
  function verify(entries, typed, at) {
    if (typed && !/^[0-9]+$/.test(typed)) return ["not-digits", { expected: DIGITS }];
    var cur = entries[entries.length - 1], shape = typed.length === DIGITS;
    var late = at > cur.expires;
    if (shape && typed === cur.expected) {
      if (cur.answered) return ["replayed", {}];
      if (!late) { cur.answered = true; return ["accepted", {}]; }
    }
    if (late) return ["expired", {}];
    for (var i = entries.length - 2; i >= 0; i--) {
      if (shape && typed === entries[i].expected) {
        return ["stale-challenge", { challenges_ago: entries.length - 1 - i }];
      }
    }
    if (typed === cur.text) return ["challenge-echoed", { expected: DIGITS }];
    if (shape) return ["wrong-code", {}];
    var got = typed.length;
    if (got > 0 && typed.padStart(DIGITS, "0") === cur.expected) {
      return ["leading-zero-dropped", { expected: DIGITS, got: got, dropped: DIGITS - got }];
    }
    return ["wrong-length", { expected: DIGITS, got: got }];
  }

  function fmt(text, params) {
    return String(text).replace(/%(?:\((\w+)\)s|%)/g, function (m, k) {
      return !k ? "%" : k in params ? String(params[k]) : m;
    });
  }

  function el(tag, attrs, kids) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    (kids || []).forEach(function (c) { e.append(c); });
    return e;
  }

  function setup(root) {
    var strings, seed = root.dataset.seed, pin = root.dataset.pin || "";
    try { strings = JSON.parse(root.dataset.strings || "{}"); } catch (e) { return; }
    if (!/DEMO/i.test(seed || "") || !/^[0-9]{4}$/.test(pin)) return;
    var ttl = parseFloat(root.dataset.ttl) || 300;
    var plural = new Intl.PluralRules(document.documentElement.lang || "en");
    /* A plural message is {count: parameter, forms: {CLDR category: text}}. */
    var T = function (k, p) {
      var text = k in strings ? strings[k] : k;
      if (text && typeof text === "object") {
        text = text.forms[plural.select(Number((p || {})[text.count]))] || text.forms.other;
      }
      return fmt(text, p || {});
    };
    var id = "dsc-practice-" + (++count);
    var entries = [], queue = Promise.resolve();
    var card = { state: "off", typed: "", run: 0 };

    /* Login screen */
    var challenge = el("strong", { "class": "dsc-challenge", "aria-live": "polite" });
    var newBtn = el("button", { type: "button", "class": "dsc-new" }, [T("new-challenge")]);
    var input = el("input", {
      id: id + "-r", "class": "dsc-response", type: "text", inputmode: "numeric",
      autocomplete: "off", spellcheck: "false", maxlength: "64"
    });
    var form = el("form", { "class": "dsc-form" }, [
      el("label", { "for": id + "-r" }, [T("response")]), " ", input, " ",
      el("button", { type: "submit", "class": "dsc-login-btn" }, [T("log-in")])
    ]);
    var result = el("p", { "class": "dsc-result", role: "status", "aria-live": "polite" });
    var login = el("div", { "class": "dsc-login", role: "group", "aria-labelledby": id + "-l" }, [
      el("h4", { id: id + "-l" }, [T("login-screen")]),
      el("p", {}, [T("challenge"), " ", challenge, " ", newBtn]), form, result
    ]);

    /* Card */
    var display = el("output", {
      "class": "dsc-display", "aria-live": "polite", "aria-label": T("display")
    });
    var keys = el("div", { "class": "dsc-keys" });
    var press = el("button", { type: "button", "class": "dsc-press" }, [T("press")]);
    var cardBox = el("div", { "class": "dsc-card", role: "group", "aria-labelledby": id + "-c" }, [
      el("h4", { id: id + "-c" }, [T("card")]), display, press, keys
    ]);
    "1234567890".split("").forEach(function (d) {
      if (d === "0" && "clear" in strings) {
        keys.append(el("button", { type: "button", "class": "dsc-clear" }, [T("clear")]));
      }
      keys.append(el("button", {
        type: "button", "class": "dsc-key", "data-digit": d, "aria-label": T("key", { digit: d })
      }, [d]));
    });
    keys.append(el("button", { type: "button", "class": "dsc-ok" }, [T("ok")]));

    function show(reason, params) {
      var ok = reason === "accepted";
      result.className = "dsc-result " + (ok ? "dsc-accepted" : "dsc-rejected");
      result.dataset.reason = reason;
      result.replaceChildren(el("span", { "aria-hidden": "true" }, [ok ? "✔ " : "✘ "]),
        T(reason, params));
    }

    function issue() {
      var text = randomChallenge(), at = Date.now() / 1000;
      var entry = { text: text, expires: at + ttl, expected: null, answered: false };
      entries.push(entry);
      if (entries.length > MEMORY) entries.shift();
      challenge.textContent = text;
      queue = queue.then(function () { return response(seed, pin, text); })
        .then(function (r) { entry.expected = r; }, function () {});
    }

    function paint() {
      var p = { off: "", pin: "PIN>", challenge: "CHALLNG>" }[card.state];
      display.value = card.state === "pin" ? p + "*".repeat(card.typed.length)
        : card.state === "challenge" ? p + card.typed : display.value;
    }

    function digit(d) {
      var max = card.state === "pin" ? PIN_DIGITS : CHALLENGE_DIGITS;
      if (card.state === "off" || card.typed.length >= max) return;
      card.typed += d;
      paint();
    }

    function ok() {
      var typed = card.typed;
      if (card.state === "pin") {
        card.typed = "";
        if (typed === pin) {
          card.state = "challenge";
          paint();
        } else {
          card.state = "off";
          display.value = "PIN ERR";
          show("wrong-pin");
        }
      } else if (card.state === "challenge" && typed.length === CHALLENGE_DIGITS) {
        var run = ++card.run;
        card.state = "off";
        card.typed = "";
        response(seed, pin, typed).then(function (r) {
          if (run === card.run && card.state === "off") display.value = r;
        });
      }
    }

    newBtn.addEventListener("click", issue);
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var raw = input.value.slice(0, 64), at = Date.now() / 1000;
      queue = queue.then(function () {
        var r = verify(entries, normalise(raw), at);
        show(r[0], r[1]);
      });
    });
    press.addEventListener("click", function () {
      card.run++;
      card.state = "pin";
      card.typed = "";
      paint();
    });
    keys.addEventListener("click", function (ev) {
      var b = ev.target.closest("button");
      if (!b) return;
      if (b.dataset.digit) digit(b.dataset.digit);
      else if (b.classList.contains("dsc-ok")) ok();
      else { card.typed = ""; paint(); }
    });
    cardBox.addEventListener("keydown", function (ev) {
      if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
      if (/^[0-9]$/.test(ev.key)) digit(ev.key);
      else if (ev.key === "Backspace") { card.typed = card.typed.slice(0, -1); paint(); }
      else return;
      ev.preventDefault();
    });

    root.replaceChildren(
      el("h3", { "class": "dsc-title" }, [T("title")]),
      el("p", { "class": "dsc-note" }, [T("demo-note", { pin: pin })]),
      login, cardBox);
    issue();
  }

  function init() {
    if (!window.crypto || !crypto.subtle) return;
    document.querySelectorAll(".dsc-practice:not([data-ready])").forEach(function (root) {
      root.setAttribute("data-ready", "");
      setup(root);
    });
  }

  window.dscPractice = { response: response, init: init };
  if (window.document$) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
