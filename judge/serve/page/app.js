// judge serve's page: a list of problems, a problem with its statement and an editor, Run and
// Submit with each test's verdict as it comes, the history and leaderboard of a problem, and the
// report. Plain JavaScript over the JSON API of judge/serve/serve_server.cc; every API call
// carries the token from the address judge serve printed.
'use strict';

const token = (() => {
  const fromUrl = new URLSearchParams(location.search).get('token');
  if (fromUrl) sessionStorage.setItem('judge-token', fromUrl);
  return fromUrl || sessionStorage.getItem('judge-token') || '';
})();

const view = document.getElementById('view');
const DIFFICULTIES = ['easy', 'medium', 'hard', 'unrated'];
const MODES = {cpp: 'text/x-c++src', c: 'text/x-csrc', python: 'text/x-python'};
let editor = null;  // the CodeMirror of the open problem

async function api(path, options = {}) {
  const headers = Object.assign({'X-Judge-Token': token}, options.headers || {});
  const response = await fetch(path, Object.assign({}, options, {headers}));
  const type = response.headers.get('Content-Type') || '';
  const body = type.startsWith('application/json') ? await response.json() : await response.text();
  if (!response.ok) throw new Error((body && body.error) || String(body) || response.statusText);
  return body;
}

// el('div', {class: 'x'}, 'text', child): a DOM element; strings become text nodes, never HTML.
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (value !== undefined && value !== null && value !== false) node.setAttribute(key, value);
  }
  for (const child of children.flat())
    if (child !== null && child !== undefined)
      node.append(child instanceof Node ? child : String(child));
  return node;
}

function show(...nodes) { view.replaceChildren(...nodes); }
function fail(error) { show(el('p', {class: 'error', id: 'error'}, error.message || String(error))); }
function verdictSpan(code) { return el('span', {class: `verdict v-${code}`}, code); }
function ms(value) { return value === undefined || value === null ? '' : `${(+value).toFixed(1)} ms`; }
function mb(kb) { return !kb ? '' : kb < 1024 ? `${kb} KB` : `${(kb / 1024).toFixed(1)} MB`; }
function text(value) { return typeof value === 'string' ? value : JSON.stringify(value, null, 1); }

// ---- the problem list ----------------------------------------------------------------------

const filters = {search: '', difficulty: '', tag: '', status: ''};

async function showList() {
  const data = await api('/api/problems');
  document.getElementById('user').textContent = `user: ${data.user}`;
  const problems = data.problems;
  const tags = [...new Set(problems.flatMap(p => p.tags))].sort();
  const counts = el('div', {class: 'counts', id: 'counts'});
  for (const d of DIFFICULTIES) {
    const of = problems.filter(p => p.difficulty === d);
    if (of.length === 0) continue;
    const solved = of.filter(p => p.status === 'solved').length;
    counts.append(el('div', {class: d}, `${d[0].toUpperCase()}${d.slice(1)} ${solved}/${of.length}`));
  }
  const body = el('tbody');
  const render = () => {
    const query = filters.search.toLowerCase();
    body.replaceChildren(...problems.filter(p =>
      (!query || p.title.toLowerCase().includes(query) || p.slug.includes(query)) &&
      (!filters.difficulty || p.difficulty === filters.difficulty) &&
      (!filters.tag || p.tags.includes(filters.tag)) &&
      (!filters.status || p.status === filters.status)).map(p => el('tr', {'data-slug': p.slug},
        el('td', {class: `status-${p.status.replace(' ', '-')}`},
           p.status === 'solved' ? '✓ solved' : p.status === 'attempted' ? '• attempted' : ''),
        el('td', {}, el('a', {href: `#/problem/${p.slug}`}, p.title)),
        el('td', {class: p.difficulty}, p.difficulty),
        el('td', {}, p.tags.map(t => el('span', {class: 'tag'}, t))),
        el('td', {}, p.style),
        el('td', {}, p.best_ratio === null ? '' : `${p.best_ratio.toFixed(2)}×`))));
  };
  const select = (key, label, values) => el('select', {id: `filter-${key}`,
      onchange: e => { filters[key] = e.target.value; render(); }},
    el('option', {value: ''}, label),
    values.map(v => el('option', {value: v, selected: filters[key] === v}, v)));
  const search = el('input', {id: 'filter-search', placeholder: 'Search titles', value: filters.search,
                              oninput: e => { filters.search = e.target.value; render(); }});
  render();
  show(counts,
       el('div', {class: 'filters'}, search,
          select('difficulty', 'Difficulty', DIFFICULTIES.filter(d => problems.some(p => p.difficulty === d))),
          select('tag', 'Tag', tags),
          select('status', 'Status', ['solved', 'attempted', 'not tried'])),
       el('table', {id: 'problems'},
          el('thead', {}, el('tr', {}, ['Status', 'Title', 'Difficulty', 'Tags', 'Style',
                                        'Best ratio'].map(h => el('th', {}, h)))),
          body),
       el('p', {class: 'muted'}, 'Best ratio: your fastest accepted, timed run (judge run --bench) ' +
          'over the reference, measured in the same run; lower is faster.'));
}

// ---- a problem -----------------------------------------------------------------------------

function draftKey(slug, language) { return `judge-draft:${slug}:${language}`; }

function renderStatement(html) {
  const node = el('div', {class: 'statement', id: 'statement'});
  node.innerHTML = html;  // md4c's output: the Markdown's own HTML is not passed through
  node.querySelectorAll('a[href]').forEach(a => {
    if (!/^(https?:|#|\/)/.test(a.getAttribute('href'))) a.removeAttribute('href');
  });
  node.querySelectorAll('pre code').forEach(code => {
    const lang = (code.className.match(/language-(\w+)/) || [])[1];
    if (lang && window.hljs && hljs.getLanguage(lang)) hljs.highlightBlock(code);
  });
  node.querySelectorAll('x-equation').forEach(eq => {
    if (!window.katex) return;
    katex.render(eq.textContent, eq, {displayMode: eq.getAttribute('type') === 'display',
                                      throwOnError: false});
  });
  return node;
}

function problemFacts(p) {
  const facts = [el('span', {class: p.difficulty}, p.difficulty), ` · ${p.style}`];
  if (p.expected_complexity) facts.push(' · expected ', el('code', {}, p.expected_complexity));
  if (p.style !== 'gpu') facts.push(` · ${p.limits.time_ms} ms, ${p.limits.memory_mb} MB`);
  return el('p', {class: 'muted'}, facts);
}

function samplesBlock(p) {
  if (p.samples.length === 0) return [];
  return [el('h3', {}, 'Samples'), p.samples.map(s => el('div', {class: 'sample'},
    el('strong', {}, s.name), el('div', {class: 'diff'},
      el('div', {}, 'Input', el('pre', {}, text(s.input))),
      el('div', {}, 'Expected', el('pre', {}, text(s.expected))))))];
}

async function showProblem(slug) {
  const p = await api(`/api/problems/${slug}`);
  const left = el('div', {class: 'left'});
  const tabs = el('div', {class: 'tabs'});
  const panel = el('div');
  const tab = (name, fill) => el('button', {id: `tab-${name.toLowerCase()}`, onclick: async e => {
    tabs.querySelectorAll('button').forEach(b => b.classList.remove('on'));
    e.target.classList.add('on');
    try { panel.replaceChildren(...await fill()); } catch (error) {
      panel.replaceChildren(el('p', {class: 'error'}, error.message));
    }
  }}, name);
  tabs.append(tab('Description', async () => [renderStatement(p.statement_html), ...samplesBlock(p)]),
              tab('History', () => historyBlock(slug)),
              tab('Leaderboard', () => leaderboardBlock(slug)));
  left.append(problemFacts(p), tabs, panel);  // the statement opens with its own title
  show(el('div', {class: 'problem'}, left, el('div', {class: 'right'}, workArea(p))));
  tabs.firstChild.click();
}

function workArea(p) {
  if (p.style === 'gpu') {
    return [el('h3', {}, 'A GPU problem'),
            el('p', {id: 'gpu-note'}, p.gpu.has_device
              ? `This machine has a GPU: judge a kernel with ${p.gpu.command}.`
              : `This machine has no GPU: GPU problems are judged with ${p.gpu.command} on a ` +
                'machine that has one.'),
            el('p', {class: 'muted'}, 'Each kernel judge gpu run judges on a device is recorded: ' +
               'the History and Leaderboard tabs show them, ranked by the ratio to the reference ' +
               'timed beside it on the same device.'),
            el('h3', {}, 'Shapes'),
            el('table', {id: 'gpu-shapes'}, el('thead', {}, el('tr', {}, el('th', {}, 'Group'),
                                                               el('th', {}, 'Case'))),
               el('tbody', {}, p.gpu.shapes.map(s => el('tr', {}, el('td', {}, s.group),
                                                        el('td', {}, el('code', {}, s.name))))))];
  }
  const languages = p.languages.map(l => l.name);
  let language = localStorage.getItem('judge-language');
  if (!languages.includes(language)) language = languages[0];
  const pick = el('select', {id: 'language'},
                  p.languages.map(l => el('option', {value: l.name, selected: l.name === language},
                                          l.display)));
  const holder = el('div', {id: 'editor'});
  const results = el('div', {id: 'results'});
  const run = el('button', {id: 'run'}, 'Run');
  const submit = el('button', {id: 'submit', class: 'primary'}, 'Submit');
  const reset = el('button', {id: 'reset', title: 'Back to the starter code'}, 'Reset');
  const bench = el('input', {type: 'checkbox', id: 'bench'});
  const benchLabel = el('label', {title: 'An accepted Submit is also timed against the reference ' +
                                         '(judge run --bench), for the leaderboard'}, bench, ' time it');
  // Your own input for Run (LeetCode's "Testcase"): the first sample's to start with; its
  // expected answer comes from the problem's reference.
  const useCustom = el('input', {type: 'checkbox', id: 'use-custom'});
  const first = p.samples.length ? p.samples[0].input : '';
  const customText = el('textarea', {id: 'custom-input', rows: 4, spellcheck: 'false', hidden: true},
                        typeof first === 'string' ? first : JSON.stringify(first));
  useCustom.addEventListener('change', () => { customText.hidden = !useCustom.checked; });
  const customInput = () => {
    if (!useCustom.checked) return null;
    if (p.style === 'competitive') return customText.value;
    try { return JSON.parse(customText.value); } catch (error) {
      throw new Error(`Custom input: not JSON (${error.message}); write the arguments as an ` +
                      'object, {"nums": [3, 6, 9, 1]}');
    }
  };
  const load = () => localStorage.getItem(draftKey(p.slug, language)) ?? p.starters[language];
  setTimeout(() => {  // CodeMirror measures its host, which must be in the page first
    editor = CodeMirror(holder, {value: load(), mode: MODES[language], lineNumbers: true,
                                 indentUnit: 4, matchBrackets: true});
    editor.on('change', () => localStorage.setItem(draftKey(p.slug, language), editor.getValue()));
  });
  pick.addEventListener('change', () => {
    language = pick.value;
    localStorage.setItem('judge-language', language);
    editor.setOption('mode', MODES[language]);
    editor.setValue(load());
  });
  reset.addEventListener('click', () => editor.setValue(p.starters[language]));
  const judge = async mode => {
    run.disabled = submit.disabled = true;
    try {
      const request = {slug: p.slug, language, source: editor.getValue(), mode, bench: bench.checked};
      if (mode === 'run') request.custom_input = customInput();
      await judgeAndShow(request, results);
    } catch (error) {
      results.append(el('p', {class: 'error'}, error.message));
    } finally {
      run.disabled = submit.disabled = false;
    }
  };
  run.addEventListener('click', () => judge('run'));
  submit.addEventListener('click', () => judge('submit'));
  return [el('div', {class: 'toolbar'}, pick, reset, el('span', {class: 'spacer'}), benchLabel, run,
             submit),
          holder,
          el('div', {class: 'custom'}, el('label', {}, useCustom, ' Run on my own input'), customText),
          results];
}

// ---- judging -------------------------------------------------------------------------------

// Reads a job's server-sent events, reconnecting where the last stream stopped.
async function* jobEvents(id) {
  let from = 0;
  for (let attempt = 0; attempt < 20; ++attempt) {
    const response = await fetch(`/api/jobs/${id}/events?from=${from}`,
                                 {headers: {'X-Judge-Token': token}});
    if (!response.ok) throw new Error((await response.json()).error);
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const {value, done} = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, {stream: true});
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (!block.startsWith('data: ')) continue;
        const event = JSON.parse(block.slice(6));
        ++from;
        yield event;
        if (['done', 'error', 'cancelled'].includes(event.type)) return;
      }
    }
  }
  throw new Error('the event stream kept closing');
}

async function judgeAndShow(request, results) {
  const status = el('p', {id: 'job-status', class: 'muted'}, 'Queued…');
  const rows = el('tbody');
  const summary = el('div', {id: 'summary'});
  const detail = el('div', {id: 'detail'});
  results.replaceChildren(status, summary,
    el('table', {id: 'tests'}, el('thead', {}, el('tr', {},
      ['Test', 'Verdict', 'Time', 'Memory'].map(h => el('th', {}, h)))), rows), detail);
  const {id} = await api('/api/judge', {method: 'POST', headers: {'Content-Type': 'application/json'},
                                        body: JSON.stringify(request)});
  const tests = [];
  for await (const event of jobEvents(id)) {
    if (event.type === 'test') tests.push(event);
    if (event.type === 'queued') status.textContent =
      event.ahead > 0 ? `Queued behind ${event.ahead} judgement(s)…` : 'Queued…';
    else if (event.type === 'started') status.textContent = 'Compiling and judging…';
    else if (event.type === 'timing') status.textContent = 'Accepted; timing it against the reference…';
    else if (event.type === 'test') rows.append(el('tr', {class: 'test-row'},
      el('td', {}, event.name), el('td', {}, verdictSpan(event.verdict)),
      el('td', {}, ms(event.time_ms)), el('td', {}, mb(event.memory_kb))));
    else if (event.type === 'done') {
      status.textContent = request.mode === 'submit'
        ? (event.run_id ? `Submitted: recorded as run ${event.run_id}` : 'Submitted')
        : 'Ran the samples (not recorded; Submit judges every test)';
      showJudgement(event.judgement, summary, detail);
      if (event.bench) summary.append(benchLine(event.bench));
      if (request.custom_input != null && tests.length === 1 && event.judgement.verdict !== 'CE')
        detail.replaceChildren(valuesBlock('Your input', tests[0]));
    } else {
      status.textContent = '';
      summary.replaceChildren(el('span', {class: 'error'}, event.message));
    }
  }
}

// "ratio 1.08 to the reference (…)", as judge run --bench ends.
function benchLine(bench) {
  const t = bench.timing;
  return el('div', {id: 'bench-result', class: 'muted'}, t
    ? `Timed: ${t.ratio.toFixed(2)}× the reference's time (median ${ms(t.median_ms)} against ` +
      `${ms(t.reference_median_ms)}, measured in the same run; lower is faster)`
    : `Not timed: ${bench.timing_note || 'no performance tests'}`);
}

function showJudgement(j, summary, detail) {
  const facts = [`${j.tests_passed}/${j.tests_total} tests passed`, `max ${ms(j.max_time_ms)}`,
                 mb(j.max_memory_kb)].filter(Boolean);
  summary.replaceChildren(verdictSpan(j.verdict), el('span', {class: 'muted'}, '  ' + facts.join(' · ')));
  detail.replaceChildren();
  if (j.verdict === 'CE') {
    detail.append(el('h4', {}, 'Compile error'), el('pre', {id: 'compile-error'},
                  j.compile.first_error || j.compile.log));
    return;
  }
  const failed = j.tests.find(t => t.verdict !== 'AC');
  if (!failed) return;
  detail.append(valuesBlock(`First failure: ${failed.name}`, failed));
}

// A test's input, expected and received values side by side, with its reason.
function valuesBlock(title, test) {
  return el('div', {id: 'values'}, el('h4', {}, title),
    el('p', {id: 'failure-reason'}, test.reason || ''),
    el('div', {class: 'diff', id: 'failure'},
      el('div', {}, 'Input', el('pre', {}, text(test.input))),
      el('div', {}, 'Expected', el('pre', {id: 'expected'}, text(test.expected))),
      el('div', {}, 'Received', el('pre', {id: 'received'}, text(test.received ?? '')))));
}

// ---- history, leaderboard, report ----------------------------------------------------------

async function historyBlock(slug) {
  const {runs} = await api(`/api/problems/${slug}/history`);
  if (runs.length === 0) return [el('p', {class: 'muted'}, 'No runs yet: Submit records one.')];
  return [el('table', {id: 'history'},
    el('thead', {}, el('tr', {}, ['When', 'Verdict', 'Tests', 'Language', 'Max time', 'Ratio']
                                  .map(h => el('th', {}, h)))),
    el('tbody', {}, runs.map(r => el('tr', {},
      el('td', {}, r.when.replace('T', ' ').replace('Z', '')), el('td', {}, verdictSpan(r.verdict)),
      el('td', {}, `${r.tests_passed}/${r.tests_total}`),
      el('td', {}, r.gpu ? `${r.language} on ${r.gpu.device}` : r.language),
      el('td', {}, ms(r.max_time_ms)), el('td', {}, r.ratio === null ? '' : r.ratio.toFixed(2))))))];
}

// "TFLOP/s", "GB/s busbw": a GPU score's unit, as the CLI's leaderboard writes it.
function gpuUnit(figure) {
  return {tflops: 'TFLOP/s', busbw_gbps: 'GB/s busbw'}[figure] || figure;
}

async function leaderboardBlock(slug) {
  const {entries} = await api(`/api/problems/${slug}/leaderboard`);
  if (entries.length === 0)
    return [el('p', {class: 'muted', id: 'leaderboard-empty'},
               `No timed, accepted runs yet: tick "time it" and Submit, or judge run ${slug} FILE --bench.`)];
  return [el('table', {id: 'leaderboard'},
    el('thead', {}, el('tr', {}, ['Rank', 'User', 'Language', 'Ratio',
                                  entries.some(e => e.gpu) ? 'Figure' : 'Median', 'Faster than']
                                  .map(h => el('th', {}, h)))),
    el('tbody', {}, entries.map(e => el('tr', {},
      el('td', {}, e.rank), el('td', {}, e.user),
      el('td', {}, e.gpu ? `${e.language} on ${e.gpu.device}` : e.language),
      el('td', {}, e.ratio.toFixed(2)),
      // A GPU entry's figure (its geometric mean over the timed cases) says more than its time.
      el('td', {}, e.gpu ? `${e.gpu.score.toFixed(1)} ${gpuUnit(e.gpu.score_figure)}`
                         : ms(e.median_ms)),
      el('td', {}, `${e.faster_than_percent.toFixed(0)}%`))))),
    el('p', {class: 'muted'}, entries.some(e => e.gpu)
      ? 'Ratio: the reference\'s figure over the kernel\'s, both timed in the same run on the ' +
        'same device (lower is faster), so entries from different GPUs compare.'
      : 'Ratio: median time over the performance tests / the reference\'s, ' +
        'measured in the same run (lower is faster).')];
}

async function showReport() {
  const html = await api('/api/report');
  show(el('iframe', {class: 'report', id: 'report', sandbox: '', srcdoc: html}));
}

// ---- routing -------------------------------------------------------------------------------

async function route() {
  editor = null;
  const hash = location.hash.replace(/^#/, '') || '/';
  const problem = hash.match(/^\/problem\/([a-z0-9-]+)$/);
  try {
    if (!token) throw new Error('No token: open the address judge serve printed.');
    if (problem) await showProblem(problem[1]);
    else if (hash === '/report') await showReport();
    else await showList();
  } catch (error) {
    fail(error);
  }
}

window.addEventListener('hashchange', route);
route();
