// The console's only script (the Content-Security-Policy allows no other).
// It keeps the progress bars of images being made live, and fills the state
// upload's text area from a chosen file. Pages work without it otherwise.
'use strict';

const POLL_MS = 1000;
// This file is served from <console>/assets/console.js.
const CONSOLE_ROOT = new URL('..', document.currentScript.src);

function liveCells() {
  return Array.from(document.querySelectorAll('[data-live-image]'));
}

function updateCell(cell, image) {
  const bar = cell.querySelector('progress');
  const percent = cell.querySelector('.percent');
  const status = cell.querySelector('.status-text');
  if (bar) {
    bar.value = image.Progress;
    bar.textContent = image.Progress + '%';
  }
  if (percent) percent.textContent = image.Progress + '%';
  if (status) status.textContent = image.Status;
  const usable = cell.parentElement && cell.parentElement.querySelector('.usable');
  if (usable) usable.textContent = String(image.Usable);
  if (image.Status !== 'Creating' && image.Status !== 'Waiting') cell.removeAttribute('data-live-image');
}

async function pollOnce() {
  const byRegion = new Map();
  for (const cell of liveCells()) {
    const region = cell.getAttribute('data-region');
    const cells = byRegion.get(region) || [];
    cells.push(cell);
    byRegion.set(region, cells);
  }
  for (const [region, cells] of byRegion) {
    const ids = cells.map((cell) => cell.getAttribute('data-live-image'));
    const url = new URL('api/images', CONSOLE_ROOT);
    url.search = new URLSearchParams({ region, ids: ids.join(',') }).toString();
    const answer = await fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } });
    if (!answer.ok) return false;
    const { images } = await answer.json();
    for (const image of images) {
      for (const cell of cells) if (cell.getAttribute('data-live-image') === image.ImageId) updateCell(cell, image);
    }
  }
  return true;
}

function startPolling() {
  if (liveCells().length === 0) return;
  const tick = () => {
    pollOnce().then(
      (ok) => {
        if (ok && liveCells().length > 0) setTimeout(tick, POLL_MS);
      },
      () => setTimeout(tick, POLL_MS * 5),
    );
  };
  setTimeout(tick, POLL_MS);
}

function wireFileInputs() {
  for (const input of document.querySelectorAll('input[type=file][data-fills]')) {
    input.addEventListener('change', () => {
      const target = document.getElementById(input.getAttribute('data-fills'));
      const file = input.files && input.files[0];
      if (target && file) file.text().then((text) => { target.value = text; });
    });
  }
}

document.addEventListener('DOMContentLoaded', () => {
  startPolling();
  wireFileInputs();
});
