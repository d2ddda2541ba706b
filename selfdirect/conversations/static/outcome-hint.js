// Shows the outcome wording hint as the practitioner types. Without JavaScript the
// same hint appears after saving; it never stops anything being saved.
(function () {
  var form = document.querySelector("form[data-outcome-check]");
  if (!form || !window.fetch) { return; }
  var box = form.querySelector("#id_words");
  var hint = document.getElementById("wording-hint");
  var token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var timer = null;

  function paragraph(text, strong) {
    var p = document.createElement("p");
    if (strong) { var b = document.createElement("strong"); b.textContent = strong + " "; p.appendChild(b); }
    p.appendChild(document.createTextNode(text));
    return p;
  }

  function show(result) {
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

  function check() {
    var words = box.value.trim();
    if (words.length < 4) { hint.textContent = ""; return; }
    fetch(form.getAttribute("data-outcome-check"), {
      method: "POST",
      credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRFToken": token},
      body: JSON.stringify({text: words})
    }).then(function (r) { return r.ok ? r.json() : null; })
      .then(function (result) { if (result) { show(result); } })
      .catch(function () {});
  }

  box.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(check, 600);
  });
})();
