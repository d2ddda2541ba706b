// Shows the outcome wording hint as the practitioner types, on every box marked
// data-wording-check (its value is the check's address), in the element whose id is
// the box's id followed by "-wording". Without JavaScript the same hint appears
// after saving; it never stops anything being saved.
(function () {
  if (!window.fetch) { return; }

  function paragraph(text, strong) {
    var p = document.createElement("p");
    if (strong) { var b = document.createElement("strong"); b.textContent = strong + " "; p.appendChild(b); }
    p.appendChild(document.createTextNode(text));
    return p;
  }

  function show(hint, result) {
    hint.textContent = "";
    if (result.kind === "outcome") {
      hint.appendChild(paragraph(result.suggestion || "", "This reads as a personal outcome."));
      return;
    }
    var inset = document.createElement("div");
    inset.className = "ds_inset-text";
    var text = document.createElement("div");
    text.className = "ds_inset-text__text";
    var label = result.kind === "service" ? "This reads like a service." : "This reads like a list of what the person cannot do.";
    text.appendChild(paragraph(result.suggestion, label));
    text.appendChild(paragraph("You can still save it."));
    inset.appendChild(text);
    hint.appendChild(inset);
  }

  function watch(box) {
    var hint = document.getElementById(box.id + "-wording");
    var tokenInput = box.form && box.form.querySelector("input[name=csrfmiddlewaretoken]");
    if (!hint || !tokenInput) { return; }
    var timer = null;

    function check() {
      var words = box.value.trim();
      if (words.length < 4) { hint.textContent = ""; return; }
      fetch(box.getAttribute("data-wording-check"), {
        method: "POST",
        credentials: "same-origin",
        headers: {"Content-Type": "application/json", "X-CSRFToken": tokenInput.value},
        body: JSON.stringify({text: words})
      }).then(function (r) { return r.ok ? r.json() : null; })
        .then(function (result) { if (result) { show(hint, result); } })
        .catch(function () {});
    }

    box.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(check, 600);
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-wording-check]"), watch);
})();
