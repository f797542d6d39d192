// The book's one script: highlighted code, the arrow keys, and the search box.
// It runs from file:// as well as from a server, so it loads nothing: the search index is the
// script search-index.js, which sets window.BOOK_INDEX before this one runs.
"use strict";

if (window.hljs) {
  hljs.configure({ ignoreUnescapedHTML: true });
  document.querySelectorAll("pre code").forEach((block) => {
    // A fence such as ```text names no language highlight.js knows: leave it plain.
    const language = [...block.classList].find((c) => c.startsWith("language-"));
    if (!language || hljs.getLanguage(language.slice("language-".length))) {
      hljs.highlightElement(block);
    }
  });
}

const search = document.getElementById("search");
const results = document.getElementById("search-results");

// ← and → go to the previous and next chapter, unless the reader is typing.
document.addEventListener("keydown", (event) => {
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  const typing = event.target.closest("input, textarea, select, [contenteditable]");
  if (event.key === "/" && !typing) {
    event.preventDefault();
    search.focus();
    return;
  }
  if (typing) {
    if (event.key === "Escape") { search.value = ""; showResults(""); search.blur(); }
    return;
  }
  const rel = { ArrowLeft: "prev", ArrowRight: "next" }[event.key];
  const link = rel && document.querySelector(`.pager a[rel="${rel}"]`);
  if (link) window.location.href = link.href;
});

function escapeHtml(text) {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
}

// A few words around the first match, the matches marked.
function snippet(text, terms) {
  const lower = text.toLowerCase();
  const at = Math.max(0, lower.indexOf(terms[0]));
  const start = Math.max(0, at - 60);
  let piece = (start > 0 ? "…" : "") + text.slice(start, at + 100) + (at + 100 < text.length ? "…" : "");
  piece = escapeHtml(piece);
  for (const term of terms) {
    piece = piece.replace(new RegExp(term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "gi"), (m) => `<mark>${m}</mark>`);
  }
  return piece;
}

// Every section that holds all the words of the query; sections whose heading holds them first.
function find(query) {
  const terms = query.toLowerCase().split(/\s+/).filter((t) => t.length > 0);
  if (terms.length === 0) return [];
  const hits = [];
  for (const page of window.BOOK_INDEX || []) {
    for (const section of page.sections) {
      const haystack = (section.heading + " " + section.text).toLowerCase();
      if (terms.every((t) => haystack.includes(t))) {
        const inHeading = terms.every((t) => section.heading.toLowerCase().includes(t));
        hits.push({ page, section, terms, rank: inHeading ? 0 : 1 });
      }
    }
  }
  return hits.sort((a, b) => a.rank - b.rank).slice(0, 30);
}

function showResults(query) {
  const hits = find(query);
  results.hidden = query.trim() === "";
  if (results.hidden) { results.innerHTML = ""; return; }
  if (hits.length === 0) {
    results.innerHTML = `<li class="none">Nothing found for “${escapeHtml(query)}”.</li>`;
    return;
  }
  results.innerHTML = hits.map(({ page, section, terms }) => {
    const href = page.page + (section.id ? "#" + section.id : "");
    const where = section.heading === page.title ? page.title : `${page.title} › ${section.heading}`;
    return `<li><a href="${escapeHtml(href)}"><span class="where">${escapeHtml(where)}</span>` +
      `<span class="snippet">${snippet(section.text, terms)}</span></a></li>`;
  }).join("");
}

search.addEventListener("input", () => showResults(search.value));
search.addEventListener("keydown", (event) => {
  if (event.key === "Enter") {
    const first = results.querySelector("a");
    if (first) window.location.href = first.href;
  }
});
