// The LCZ platform's web page: scenes, their maps, training runs and models. Every state shown is
// read from the REST API; the event stream (/events) only says when to read it again.
'use strict';

const page = {
  scenes: [],
  selected: null, // the scene id shown
  view: null, // its last view
  map: null,
  mapKey: null, // what the map shows (scene, layers), to redraw only on change
  layers: {},
  layerName: 'lczFilter',
  runs: [],
  models: [],
  dataSets: [],
};

const $ = (id) => document.getElementById(id);

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

/** The API key the person entered (kept in this browser), for writes. */
function apiKey() {
  return localStorage.getItem('lcz.apiKey') || '';
}

function authorized(headers) {
  const key = apiKey();
  return key ? Object.assign({ Authorization: `Bearer ${key}` }, headers) : headers;
}

/** What to tell the person when a write was refused for want of the key. */
function keyProblem(status, detail) {
  if (status !== 401) return detail;
  $('key-help').hidden = false;
  $('api-key').focus();
  return `${detail} — enter the API key at the top of the page`;
}

async function api(path, options) {
  const r = await fetch(path, Object.assign({ headers: { Accept: 'application/json' } }, options));
  const body = r.headers.get('content-type')?.includes('json') ? await r.json() : await r.text();
  if (!r.ok) {
    const detail = body && body.detail ? body.detail : `${r.status} ${r.statusText}`;
    throw new Error(keyProblem(r.status, detail));
  }
  return body;
}

const percent = (x) => (x === null || x === undefined ? '–' : `${(100 * x).toFixed(1)} %`);

// ---------------------------------------------------------------- live updates

/** Runs fn at most once per `ms`, the last call winning. */
function debounced(fn, ms) {
  let timer = null;
  return () => {
    if (timer) return;
    timer = setTimeout(() => { timer = null; fn(); }, ms);
  };
}

const refreshScenes = debounced(() => loadScenes().catch(showConnectionError), 1000);
const refreshScene = debounced(() => loadScene().catch(showConnectionError), 500);
const refreshTraining = debounced(() => loadTraining().catch(showConnectionError), 500);

function connect() {
  const conn = $('connection');
  const source = new EventSource('/events');
  source.onopen = () => {
    conn.dataset.state = 'live';
    conn.textContent = 'live';
    // whatever happened while disconnected: read everything again
    refreshScenes();
    refreshScene();
    refreshTraining();
  };
  source.onmessage = (m) => {
    const e = JSON.parse(m.data);
    if (e.kind === 'scene') {
      refreshScenes();
      if (e.id === page.selected) refreshScene();
    } else if (e.kind === 'training' || e.kind === 'model') {
      refreshTraining();
    } else if (e.kind === 'region' && !$('regions-page').hidden) {
      loadRegions().catch(showConnectionError);
    }
  };
  source.onerror = () => {
    conn.dataset.state = 'reconnecting';
    conn.textContent = 'reconnecting…';
    if (source.readyState === EventSource.CLOSED) {
      // the browser gives up on an error answer: start again ourselves
      setTimeout(connect, 3000);
    }
  };
}

function showConnectionError(e) {
  console.warn(e);
}

// ---------------------------------------------------------------- scenes

async function loadScenes() {
  page.scenes = await api('/scenes?limit=200');
  renderScenes();
  fillSceneChoices();
}

function stateText(s) {
  if (s.state === 'mapping' && s.tiles) return `mapping ${s.tiles.mapped}/${s.tiles.total}`;
  if (s.state === 'tiled' && s.tiles) return `tiled (${s.tiles.total} tiles)`;
  return s.state;
}

function renderScenes() {
  const filter = $('state-filter').value;
  const list = $('scene-list');
  list.replaceChildren(
    ...page.scenes
      .filter((s) => !filter || s.state === filter)
      .map((s) =>
        el('li', { 'data-scene': s.sceneId, 'data-state': s.state },
          el('button', {
            type: 'button',
            'aria-current': s.sceneId === page.selected ? 'true' : 'false',
            onclick: () => selectScene(s.sceneId),
          },
          el('span', { class: `state state-${s.state}`, text: stateText(s) }),
          el('span', { text: sourceName(s) }),
          s.reason && s.state === 'rejected' ? el('span', { class: 'reason', text: s.reason }) : null))));
  if (!list.children.length) list.append(el('li', { text: 'No scenes yet.' }));
}

function sourceName(s) {
  return (s.source || s.sceneId).replace(/^s3:\/\/[^/]+\//, '');
}

function selectScene(id) {
  location.hash = `#/scenes/${encodeURIComponent(id)}`;
}

async function loadScene() {
  if (!page.selected) return;
  const id = page.selected;
  let view;
  try {
    view = await api(`/scenes/${encodeURIComponent(id)}/view`);
  } catch (e) {
    $('scene-title').textContent = id;
    $('scene-state').textContent = e.message;
    return;
  }
  if (id !== page.selected) return;
  page.view = view;
  renderScene(view);
}

function renderScene(v) {
  const r = v.report;
  $('scene-title').textContent = sourceName(r);
  $('scene-view').dataset.state = r.state;
  const parts = [stateText(r)];
  if (r.reason) parts.push(r.reason);
  if (r.map) parts.push(`model ${r.map.modelVersion}`);
  const maps = r.maps || [];
  if (maps.length > 1) {
    parts.push(`${maps.length} maps: ${maps.map((m) => `${m.modelVersion}${m.remap ? ' (re-map)' : ''} ${m.state}`).join(', ')}`);
  }
  $('scene-state').textContent = parts.join(' — ');
  $('scene-state').className = `state-${r.state}`;
  renderMap(v);
  renderLegend(v);
  const notes = r.notes || [];
  $('notes-section').hidden = !notes.length;
  $('notes').replaceChildren(...notes.map((n) => el('li', { text: n })));
  $('products-section').hidden = !v.products.length;
  // the Item of the map shown: the first map's is {id}-lcz, a re-map's {id}-lcz-{version}
  const shown = maps.find((m) => m.outputs && r.map && m.outputs.cog === r.map.cog);
  const itemId = shown && shown.remap ? `${r.sceneId}-lcz-${shown.modelVersion}` : `${r.sceneId}-lcz`;
  const stac = r.map
    ? [el('li', {}, el('a', { href: stacItem('lcz-scene-maps', itemId), class: 'stac', text: 'STAC Item' }), ' (in the STAC API)')]
    : [];
  $('products').replaceChildren(
    ...v.products.map((p) =>
      el('li', {},
        el('a', { href: p.url, download: p.fileName, text: p.fileName }),
        ` (${p.name}) `,
        el('code', { text: p.uri }))),
    ...stac);
}

/** An Item's address in the STAC API. */
function stacItem(collection, id) {
  return `/stac/collections/${encodeURIComponent(collection)}/items/${encodeURIComponent(id)}`;
}

/** A product of the maps bucket (s3://lcz-maps/…) as an address of this service. */
function servedFile(uri) {
  return uri && uri.startsWith('s3://') ? `/stac/files/${uri.substring(5)}` : uri;
}

function renderLegend(v) {
  $('legend-section').hidden = !v.legend.length;
  $('legend').tBodies[0].replaceChildren(
    ...v.legend.map((c) =>
      el('tr', { 'data-class': c.code },
        el('td', {}, el('span', { class: 'swatch', style: `background:${c.colour}`, title: c.colour })),
        el('td', { text: c.code }),
        el('td', { text: c.name }),
        el('td', { class: 'num', text: percent(c.share) }),
        el('td', { class: 'num', text: percent(c.shareFiltered) }),
        el('td', { class: 'num', text: c.km2.toFixed(2) }))));
  const shares = [];
  if (v.maskedShare !== undefined && v.maskedShare !== null) shares.push(`masked by ingest (cloud, nodata): ${percent(v.maskedShare)} of the scene`);
  if (v.unclassifiedShare !== undefined && v.unclassifiedShare !== null) shares.push(`cells without a class: ${percent(v.unclassifiedShare)}`);
  $('shares').textContent = shares.join('; ');
}

function projectionOf(v) {
  const code = `EPSG:${v.epsg}`;
  let p = ol.proj.get(code);
  if (!p) {
    p = new ol.proj.Projection({ code, units: 'm', extent: v.extent });
    ol.proj.addProjection(p);
  }
  return p;
}

/**
 * Where a map is drawn: the scene page's (over the quicklook, with the opacity slider) or the
 * regions page's (the fused map of the chosen region). Each keeps its own OpenLayers map, layers
 * and chosen layer.
 */
const sceneMap = {
  state: page, mapId: 'map', controlsId: 'map-controls', choiceId: 'layer-choice',
  coordinatesId: 'coordinates', radio: 'layer', opacity: () => $('opacity').value / 100,
};
const regionMap = {
  state: { map: null, mapKey: null, layers: {}, layerName: 'lczFilter', legends: {}, region: null },
  mapId: 'region-map', controlsId: 'region-map-controls', choiceId: 'region-layer-choice',
  coordinatesId: 'region-coordinates', radio: 'region-layer', opacity: () => 1,
  onLayer: (name) => renderRampLegend(regionMap.state.legends[name]),
};

function renderMap(v, t = sceneMap) {
  const st = t.state;
  if (!v || !v.extent || !v.epsg) {
    $(t.controlsId).hidden = true;
    if (st.map) { st.map.setTarget(null); st.map = null; st.mapKey = null; }
    return;
  }
  const key = JSON.stringify([v.sceneId, v.quicklook, v.layers.map((l) => l.url)]);
  if (key === st.mapKey) return;
  st.mapKey = key;
  const projection = projectionOf(v);
  const layers = [];
  if (v.quicklook) {
    layers.push(new ol.layer.Image({
      source: new ol.source.ImageStatic({ url: v.quicklook, imageExtent: v.extent, projection }),
      properties: { name: 'quicklook' },
    }));
  }
  st.layers = {};
  const opacity = t.opacity();
  for (const l of v.layers) {
    const layer = new ol.layer.Image({
      source: new ol.source.ImageStatic({ url: l.url, imageExtent: l.extent, projection, interpolate: false }),
      opacity,
      visible: false,
      properties: { name: l.name },
    });
    st.layers[l.name] = layer;
    layers.push(layer);
  }
  if (!st.layers[st.layerName] && v.layers.length) st.layerName = v.layers[0].name;
  if (st.layers[st.layerName]) st.layers[st.layerName].setVisible(true);
  const view = new ol.View({ projection, extent: v.extent, constrainOnlyCenter: true });
  if (st.map) st.map.setTarget(null);
  st.map = new ol.Map({
    target: t.mapId,
    layers,
    view,
    controls: ol.control.defaults.defaults().extend([new ol.control.ScaleLine()]),
  });
  view.fit(v.extent, { padding: [8, 8, 8, 8] });
  st.map.on('pointermove', (e) => {
    const [x, y] = e.coordinate;
    $(t.coordinatesId).textContent = `${projection.getCode()}  x ${x.toFixed(0)}  y ${y.toFixed(0)}`;
  });
  const choice = $(t.choiceId);
  choice.replaceChildren(
    ...v.layers.map((l) =>
      el('label', {},
        el('input', {
          type: 'radio', name: t.radio, value: l.name, checked: l.name === st.layerName,
          onchange: () => showLayer(l.name, t),
        }),
        ` ${l.title}`)));
  $(t.controlsId).hidden = false;
  if (t.onLayer) t.onLayer(st.layerName);
}

function showLayer(name, t = sceneMap) {
  t.state.layerName = name;
  for (const [n, layer] of Object.entries(t.state.layers)) layer.setVisible(n === name);
  if (t.onLayer) t.onLayer(name);
}

// ---------------------------------------------------------------- upload

function contentType(name) {
  const n = name.toLowerCase();
  if (n.endsWith('.json')) return 'application/json';
  if (n.endsWith('.zip')) return 'application/zip';
  return 'image/tiff';
}

function upload(file) {
  const bar = $('upload-progress');
  const message = $('upload-message');
  bar.hidden = false;
  bar.value = 0;
  message.textContent = `uploading ${file.name}…`;
  const xhr = new XMLHttpRequest();
  xhr.open('POST', `/scenes?name=${encodeURIComponent(file.name)}`);
  xhr.setRequestHeader('Content-Type', contentType(file.name));
  xhr.setRequestHeader('Accept', 'application/json');
  if (apiKey()) xhr.setRequestHeader('Authorization', `Bearer ${apiKey()}`);
  xhr.upload.onprogress = (e) => {
    if (e.lengthComputable) bar.value = (100 * e.loaded) / e.total;
  };
  xhr.onload = () => {
    let body = {};
    try { body = JSON.parse(xhr.responseText); } catch (e) { /* not JSON */ }
    if (xhr.status === 202) {
      bar.value = 100;
      message.textContent = `${file.name} received as scene ${body.sceneId}`;
      selectScene(body.sceneId);
    } else {
      message.textContent = `${file.name}: ${keyProblem(xhr.status, body.detail || xhr.status + ' ' + xhr.statusText)}`;
      if (body.sceneId) selectScene(body.sceneId);
    }
    refreshScenes();
  };
  xhr.onerror = () => { message.textContent = `${file.name}: the upload failed (is the service running?)`; };
  xhr.send(file);
}

function setUpUpload() {
  const zone = $('drop-zone');
  const input = $('upload-file');
  input.addEventListener('change', () => { if (input.files.length) upload(input.files[0]); });
  zone.addEventListener('keydown', (e) => {
    if ((e.key === 'Enter' || e.key === ' ') && e.target === zone) { e.preventDefault(); input.click(); }
  });
  zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    if (e.dataTransfer.files.length) upload(e.dataTransfer.files[0]);
  });
}

// ---------------------------------------------------------------- training

async function loadTraining() {
  const [runs, models, dataSets] = await Promise.all([
    api('/training-runs'), api('/models'), api('/datasets'),
  ]);
  page.runs = runs;
  page.models = models;
  page.dataSets = dataSets;
  renderRuns();
  renderModels();
  fillDataSetChoices();
}

function renderRuns() {
  const list = $('runs');
  list.replaceChildren(
    ...page.runs.map((r) => {
      const last = r.history[r.history.length - 1];
      const facts = [`${r.state}`, r.variant, `${r.history.length}/${r.epochs ?? '?'} epochs`];
      if (last) facts.push(`loss ${last.loss.toFixed(3)}`, `validation OA ${last.validationOa.toFixed(3)}`);
      return el('li', { 'data-run': r.runId, 'data-state': r.state },
        el('strong', { text: r.runId }), ' ',
        el('span', { class: `state-${r.state}`, text: facts.filter(Boolean).join(' · ') }),
        r.reason ? el('span', { class: 'reason', text: r.reason }) : null,
        r.model ? el('div', {}, 'model ', el('button', { type: 'button', class: 'link', text: r.model, onclick: () => showCard(r.model) })) : null,
        chart(r.history, r.epochs));
    }));
  if (!list.children.length) list.append(el('li', { text: 'No training runs yet.' }));
}

/** Loss and train/validation OA by epoch, as SVG: OA on 0–1, loss scaled to its largest value. */
function chart(history, planned) {
  const ns = 'http://www.w3.org/2000/svg';
  const W = 560, H = 180, L = 36, R = 10, T = 10, B = 24;
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  svg.setAttribute('class', 'chart');
  svg.setAttribute('role', 'img');
  const n = Math.max(planned || 1, history.length, 1);
  const maxLoss = Math.max(...history.map((h) => h.loss), 1e-9);
  const x = (epoch) => L + ((W - L - R) * (n === 1 ? 0.5 : (epoch - 1) / (n - 1)));
  const y = (v) => T + (H - T - B) * (1 - v);
  const add = (tag, attrs) => {
    const e = document.createElementNS(ns, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    svg.append(e);
    return e;
  };
  add('line', { class: 'axis', x1: L, y1: y(0), x2: W - R, y2: y(0) });
  add('line', { class: 'axis', x1: L, y1: y(0), x2: L, y2: y(1) });
  add('text', { x: 2, y: y(1) + 4 }).textContent = '1.0';
  add('text', { x: 2, y: y(0) }).textContent = '0';
  const caption = add('text', { x: L, y: H - 6 });
  for (const [cls, words] of [['', `epoch 1…${n}   `], ['loss', `■ loss (÷ ${maxLoss.toFixed(2)})   `], ['train', '■ train OA   '], ['validation', '■ validation OA']]) {
    const span = document.createElementNS(ns, 'tspan');
    if (cls) span.setAttribute('class', `key-${cls}`);
    span.textContent = words;
    caption.append(span);
  }
  const series = [
    ['loss', (h) => h.loss / maxLoss],
    ['train', (h) => h.trainOa],
    ['validation', (h) => h.validationOa],
  ];
  for (const [name, value] of series) {
    if (history.length > 1) {
      add('polyline', { class: name, points: history.map((h) => `${x(h.epoch)},${y(value(h))}`).join(' ') });
    }
    for (const h of history) {
      add('circle', { class: `${name} epoch-point`, cx: x(h.epoch), cy: y(value(h)), r: 3, 'data-epoch': h.epoch })
        .append(Object.assign(document.createElementNS(ns, 'title'), { textContent: `epoch ${h.epoch}: ${name} ${value(h).toFixed(3)}` }));
    }
  }
  svg.setAttribute('aria-label', history.length
    ? `${history.length} epochs; last validation OA ${history[history.length - 1].validationOa.toFixed(3)}`
    : 'no epoch yet');
  return svg;
}

function renderModels() {
  const body = $('models').tBodies[0];
  body.replaceChildren(
    ...page.models.map((m) =>
      el('tr', { 'data-version': m.version },
        el('td', {}, m.version, m.current ? ' ' : null, m.current ? el('span', { class: 'badge', text: 'current' }) : null),
        el('td', { class: 'num', text: m.oaW.toFixed(3) }),
        el('td', { text: m.promoted ? 'yes' : 'no' }),
        el('td', { text: m.decision }),
        el('td', {}, el('button', { type: 'button', class: 'link', text: 'show card', onclick: () => showCard(m.version) })))));
  if (!body.children.length) body.append(el('tr', {}, el('td', { colspan: 5, text: 'No models yet.' })));
}

async function showCard(version) {
  const section = $('card');
  const files = (f) => `/models/${encodeURIComponent(version)}/files/${f}`;
  let card;
  try {
    card = await api(files('model.json'));
  } catch (e) {
    section.hidden = false;
    $('card-title').textContent = version;
    $('card-body').replaceChildren(el('p', { text: e.message }));
    return;
  }
  $('card-title').textContent = `Model ${card.modelName} ${card.version}`;
  const measures = el('table', {},
    el('thead', {}, el('tr', {}, el('th', { text: `Measure (${card.evaluationSplit})` }), el('th', { text: 'Value' }))),
    el('tbody', {}, ...Object.entries(card.measures).map(([k, v]) =>
      el('tr', {}, el('td', { text: k }), el('td', { class: 'num', text: v === null ? '–' : v.toFixed(3) })))));
  const codes = card.classes.map((c) => c.code || c.value);
  const matrix = el('table', { class: 'matrix' },
    el('caption', { text: 'Confusion matrix (rows: truth, columns: prediction)' }),
    el('thead', {}, el('tr', {}, el('th', {}), ...codes.map((c) => el('th', { scope: 'col', text: c })))),
    el('tbody', {}, ...card.confusionMatrix.map((row, i) =>
      el('tr', {}, el('th', { scope: 'row', text: codes[i] }),
        ...row.map((n, j) => el('td', { class: i === j ? 'diagonal' : null, text: n }))))));
  const links = el('ul', {},
    ...Object.entries(card.files || {}).map(([role, f]) =>
      el('li', {}, el('a', { href: files(f), text: f }), ` (${role})`)),
    el('li', {}, el('a', { href: files('model.json'), text: 'model.json' }), ' (card)'),
    el('li', {}, el('a', { href: stacItem('lcz-models', `model-${card.version}`), class: 'stac', text: 'STAC Item' }), ' (MLM, in the STAC API)'));
  const plots = Object.values(card.files || {}).filter((f) => f.endsWith('.png'))
    .map((f) => el('img', { src: files(f), alt: `${f} of model ${card.version}` }));
  const promotion = card.promotion ? el('p', { text: `Promotion: ${card.promotion.decision || JSON.stringify(card.promotion)}` }) : null;
  $('card-body').replaceChildren(
    el('p', { text: `${card.plan?.variant ?? ''} · best epoch ${card.bestEpoch} · ${card.stopReason} · trained on ${card.device} in ${Math.round(card.trainingSeconds)} s` }),
    promotion, measures, matrix, ...plots, links);
  section.hidden = false;
}

function option(value, text) {
  return el('option', { value, text: text ?? value });
}

function fillDataSetChoices() {
  const patches = page.dataSets.filter((d) => d.kind === 'patches');
  const areas = page.dataSets.filter((d) => d.kind === 'areas');
  for (const [id, optional] of [['train-data', false], ['validation-data', true], ['test-data', true]]) {
    const select = $(id);
    const keep = select.value;
    select.replaceChildren(...(optional ? [option('', '(none)')] : []), ...patches.map((d) => option(d.uri, d.key)));
    if ([...select.options].some((o) => o.value === keep)) select.value = keep;
  }
  const a = $('areas-file');
  const keepA = a.value;
  a.replaceChildren(...areas.map((d) => option(d.uri, d.key)));
  if ([...a.options].some((o) => o.value === keepA)) a.value = keepA;
}

function fillSceneChoices() {
  const select = $('areas-scenes');
  const chosen = new Set([...select.selectedOptions].map((o) => o.value));
  const sources = [...new Set(page.scenes.filter((s) => s.state !== 'rejected').map((s) => s.source))];
  select.replaceChildren(...sources.map((s) => {
    const o = option(s, s.replace(/^s3:\/\//, ''));
    o.selected = chosen.has(s);
    return o;
  }));
}

function setUpTrainingForm() {
  const form = $('train-form');
  form.querySelectorAll('input[name="source"]').forEach((r) =>
    r.addEventListener('change', () => {
      const areas = form.source.value === 'areas';
      $('areas-fields').hidden = !areas;
      $('patches-fields').hidden = areas;
    }));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const message = $('train-message');
    const request = {
      variant: $('variant').value,
      epochs: Number($('epochs').value),
      promote: $('promote').value,
    };
    if (form.source.value === 'areas') {
      request.trainingAreas = {
        areas: $('areas-file').value,
        scenes: [...$('areas-scenes').selectedOptions].map((o) => o.value),
      };
    } else {
      request.trainData = $('train-data').value;
      if ($('validation-data').value) request.validationData = $('validation-data').value;
      if ($('test-data').value) request.testData = $('test-data').value;
    }
    message.textContent = 'sending…';
    try {
      const event = await api('/training-runs', {
        method: 'POST',
        headers: authorized({ 'Content-Type': 'application/json', Accept: 'application/json' }),
        body: JSON.stringify(request),
      });
      message.textContent = `run ${event.runId} requested`;
      refreshTraining();
    } catch (err) {
      message.textContent = err.message;
    }
  });
}

// ---------------------------------------------------------------- regions

async function loadRegions() {
  const regions = await api('/regions');
  const body = $('regions').tBodies[0];
  const period = (r) => (r.from || r.to ? `${(r.from || '…').substring(0, 10)} – ${(r.to || '…').substring(0, 10)}` : 'any time');
  body.replaceChildren(
    ...regions.map((r) =>
      el('tr', { 'data-region': r.name },
        el('th', { scope: 'row' }, r.name,
          r.latest && r.latest.preview
            ? el('img', { class: 'region-preview', src: servedFile(r.latest.preview), alt: `preview of region ${r.name}` })
            : null),
        el('td', { text: `${r.crs}, ${r.cellSize} m` }),
        el('td', { text: period(r) }),
        el('td', { class: 'num', text: r.members.length }),
        el('td', { class: 'num', text: r.latestVersion ?? '–' }),
        el('td', { class: 'num', text: percent(r.coverage) }),
        el('td', {},
          ...Object.entries(r.latest || {})
            .filter(([name]) => ['map', 'preview', 'kmz', 'probabilities'].includes(name))
            .flatMap(([name, uri]) => [el('a', { href: servedFile(uri), text: name }), ' ']),
          el('a', { href: `/stac/collections/lcz-region-${encodeURIComponent(r.name)}`, class: 'stac', text: 'STAC Collection' })))));
  if (!body.children.length) body.append(el('tr', {}, el('td', { colspan: 7, text: 'No regions yet.' })));
  for (const row of body.querySelectorAll('tr[data-region]')) {
    row.addEventListener('click', () => {
      regionMap.state.region = row.dataset.region;
      showRegionMap(regions).catch(showConnectionError);
    });
  }
  await showRegionMap(regions);
}

/**
 * The chosen region's latest version on the map (the first region with a version when none was
 * chosen): its fused classes, raw classes, confidence, observations and agreement, from the
 * version's web-layers.json; drawn again when a new version lands.
 */
async function showRegionMap(regions) {
  const st = regionMap.state;
  const withMap = regions.filter((r) => r.latest && r.latest['web-layers']);
  const r = withMap.find((x) => x.name === st.region) || withMap[0];
  $('region-map-section').hidden = !r;
  if (!r) { renderMap(null, regionMap); return; }
  st.region = r.name;
  const json = await api(servedFile(r.latest['web-layers']));
  st.legends = {};
  st.extent = json.extent;
  for (const l of json.layers) st.legends[l.name] = l.legend;
  $('region-map-title').textContent = `Region ${r.name}, version ${r.latestVersion}: ${r.members.length} members, coverage ${percent(r.coverage)}`;
  for (const row of $('regions').tBodies[0].querySelectorAll('tr[data-region]')) {
    row.setAttribute('aria-selected', String(row.dataset.region === r.name));
  }
  renderMap({
    sceneId: `region ${r.name} v${r.latestVersion}`,
    epsg: json.epsg,
    extent: json.extent,
    quicklook: null,
    layers: json.layers.map((l) => ({
      name: l.name, title: l.title, extent: json.extent, url: servedFile(r.latest[`web-${l.name}`]),
    })),
  }, regionMap);
}

/** The steps of a ramp layer (observations, agreement); nothing for a layer in LCZ colours. */
function renderRampLegend(steps) {
  const list = $('region-ramp');
  list.hidden = !steps;
  list.replaceChildren(...(steps || []).map((s) =>
    el('li', { 'data-from': s.from },
      el('span', { class: 'swatch', style: `background:${s.colour}`, title: s.colour }),
      ` ${s.label}`)));
}

// ---------------------------------------------------------------- routing

function route() {
  const hash = location.hash || '#/scenes';
  const training = hash.startsWith('#/training');
  const regions = hash.startsWith('#/regions');
  $('training-page').hidden = !training;
  $('regions-page').hidden = !regions;
  $('scenes-page').hidden = training || regions;
  $('nav-training').setAttribute('aria-current', training ? 'page' : 'false');
  $('nav-regions').setAttribute('aria-current', regions ? 'page' : 'false');
  $('nav-scenes').setAttribute('aria-current', training || regions ? 'false' : 'page');
  if (regions) {
    loadRegions().catch(showConnectionError);
    return;
  }
  const m = hash.match(/^#\/scenes\/(.+)$/);
  const id = m ? decodeURIComponent(m[1]) : null;
  if (!training && id !== page.selected) {
    page.selected = id;
    page.mapKey = null;
    renderScenes();
    loadScene().catch(showConnectionError);
  }
  if (training) loadTraining().catch(showConnectionError);
  if (!training && page.map) page.map.updateSize();
}

function setUpApiKey() {
  const input = $('api-key');
  input.value = apiKey();
  input.addEventListener('change', () => localStorage.setItem('lcz.apiKey', input.value.trim()));
}

function start() {
  setUpApiKey();
  $('state-filter').addEventListener('change', renderScenes);
  $('opacity').addEventListener('input', () => {
    const v = $('opacity').value;
    $('opacity-value').textContent = `${v} %`;
    for (const layer of Object.values(page.layers)) layer.setOpacity(v / 100);
  });
  setUpUpload();
  setUpTrainingForm();
  window.addEventListener('hashchange', route);
  route();
  loadScenes().catch(showConnectionError);
  loadTraining().catch(showConnectionError);
  connect();
}

start();
