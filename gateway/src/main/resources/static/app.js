// The wasmactors page: no build step, no framework; talks to the gateway's /api.
const $ = (id) => document.getElementById(id);
let functions = [];
let chosenFile = null;

function showError(message) {
  $("error").textContent = message;
  $("error").hidden = !message;
}

async function loadFunctions() {
  const response = await fetch("api/functions");
  functions = await response.json();
  $("function").innerHTML = "";
  for (const f of functions) {
    const option = document.createElement("option");
    option.value = f.name;
    option.textContent = f.name;
    $("function").appendChild(option);
  }
  describe();
}

function describe() {
  const f = functions.find((x) => x.name === $("function").value);
  $("description").textContent = f ? f.description : "";
}

function choose(file) {
  chosenFile = file;
  showError("");
  $("drop-text").textContent = file.name + " (" + Math.round(file.size / 1024) + " KiB)";
  const img = $("original");
  if (file.type.startsWith("image/")) {
    img.src = URL.createObjectURL(file);
    img.hidden = false;
    $("original-empty").hidden = true;
  } else {
    img.hidden = true;
    $("original-empty").hidden = false;
    $("original-empty").textContent = "This file is not shown: it is not an image.";
  }
  $("run").disabled = false;
}

// Turns an API error answer into a sentence a person can act on.
async function describeError(response) {
  let body = {};
  try { body = await response.json(); } catch (e) { /* not JSON */ }
  const detail = body.detail || response.statusText;
  switch (response.status) {
    case 404: return "That function does not exist (any more). Reload the page.";
    case 413: return "The file is too large. " + detail;
    case 422: return detail.includes("not an image")
      ? "This file is not an image the function can read. Try a PNG, JPEG, GIF or BMP."
      : "The function could not process this input: " + detail;
    case 503: return "The service is busy. Try again in a moment.";
    case 504: return "The function took too long and was stopped.";
    default: return "Something went wrong (" + response.status + "): " + detail;
  }
}

function renderClassification(result) {
  const top = result.top5 || [];
  const best = result.label.split(",")[0];
  const items = top.map((t) => {
    const pct = Math.round((t.score / 255) * 100);
    return `<li><div class="label"><span>${escapeHtml(t.label.split(",")[0])}</span><span>${t.score}/255</span></div>` +
           `<div class="bar"><span style="width:${pct}%"></span></div></li>`;
  }).join("");
  $("result").innerHTML = `<p class="verdict" id="verdict"><strong>${escapeHtml(best)}</strong>` +
    (result.food ? " &middot; food" : "") + `</p><ol class="bars" id="top5">${items}</ol>`;
}

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}

async function run() {
  if (!chosenFile) return;
  const name = $("function").value;
  $("run").disabled = true;
  showError("");
  $("result").innerHTML = '<p class="muted">Running…</p>';
  $("meta").hidden = true;
  try {
    const response = await fetch("api/functions/" + encodeURIComponent(name), { method: "POST", body: chosenFile });
    if (!response.ok) {
      $("result").innerHTML = '<p class="muted">No result.</p>';
      showError(await describeError(response));
      return;
    }
    const type = response.headers.get("Content-Type") || "";
    if (type.startsWith("image/")) {
      const url = URL.createObjectURL(await response.blob());
      $("result").innerHTML = `<img id="result-image" alt="${escapeHtml(name)} result" src="${url}">`;
    } else if (type.includes("json")) {
      const json = await response.json();
      if (json.top5) renderClassification(json);
      else $("result").innerHTML = `<pre id="result-text">${escapeHtml(JSON.stringify(json, null, 2))}</pre>`;
    } else {
      $("result").innerHTML = `<pre id="result-text">${escapeHtml(await response.text())}</pre>`;
    }
    $("latency").textContent = response.headers.get("X-Duration-Ms") + " ms";
    $("actor").textContent = response.headers.get("X-Actor-Id");
    $("host").textContent = response.headers.get("X-Host");
    $("meta").hidden = false;
  } catch (e) {
    showError("The gateway cannot be reached: " + e.message);
  } finally {
    $("run").disabled = false;
  }
}

$("file").addEventListener("change", (e) => e.target.files[0] && choose(e.target.files[0]));
$("function").addEventListener("change", describe);
$("run").addEventListener("click", run);
const drop = $("drop");
drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
drop.addEventListener("dragleave", () => drop.classList.remove("over"));
drop.addEventListener("drop", (e) => {
  e.preventDefault();
  drop.classList.remove("over");
  if (e.dataTransfer.files[0]) choose(e.dataTransfer.files[0]);
});
// The cluster view: hosts as boxes with the actors active on each, refreshed every second.
async function refreshCluster() {
  try {
    const response = await fetch("api/cluster");
    if (!response.ok) throw new Error("status " + response.status);
    renderCluster(await response.json());
  } catch (e) {
    $("hosts").innerHTML = '<p class="muted">The cluster cannot be read right now (' + escapeHtml(e.message) + ").</p>";
  }
}

function renderCluster(view) {
  const hosts = view.hosts || [];
  const actors = hosts.reduce((n, h) => n + h.actors.length, 0);
  $("cluster-summary").textContent = `${hosts.length} host${hosts.length === 1 ? "" : "s"}, ${actors} active actor${actors === 1 ? "" : "s"}`;
  $("hosts").innerHTML = hosts.map((h) => {
    const rows = h.actors.map((a) =>
      `<li><span>${escapeHtml(a.actorType)}/${escapeHtml(a.actorId)}</span>` +
      `<span class="${a.warm ? "warm" : "cold"}">${a.warm ? "warm" : "cold"} · ${a.calls} call${a.calls === 1 ? "" : "s"}</span></li>`).join("");
    return `<div class="host" data-host="${escapeHtml(h.host)}"><h3>${escapeHtml(h.host)}</h3>` +
      `<p class="types">${h.actorTypes.map(escapeHtml).join(", ")}</p>` +
      `<ul>${rows || '<li class="muted">no active actors</li>'}</ul></div>`;
  }).join("") || '<p class="muted">No host is reporting.</p>';
}

loadFunctions().catch((e) => showError("Cannot load the functions: " + e.message));
refreshCluster();
setInterval(refreshCluster, 1000);
