// Automattic's harper.js behind a JSON-lines pipe, for coaching/engine/harper_js.py.
//
// One request per stdin line, one reply per stdout line, in order:
//   {"id": 1, "text": "...", "dialect": "british"}                 -> {"id": 1, "lints": [...]}
//   {"id": 2, "op": "lint_all", "text": "...", "dialect": "..."}   -> every rule on but BROKEN_RULES
//   {"id": 3, "op": "likely_english", "text": "..."}               -> {"id": 3, "likely_english": true}
//   {"id": 4, "op": "config", "dialect": "british"}                -> {"id": 4, "config": {...}}
// A failed request gets {"id": .., "error": "..."}. The first line written is
// {"ready": true, ...}. Lint spans are Python str (code point) indices: harper.js
// reports UTF-16 code units, converted below.
//
// Options (argv): --off=RuleA,RuleB  --on=RuleC  replace the default rule lists below;
// --dialect=NAME builds that dialect's linter before the ready line;
// --binary=binary|slimBinary|binaryInlined|slimBinaryInlined picks the wasm export.
// Nothing is fetched from the network: the wasm binary is read from node_modules.

import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

// stdout carries the protocol only: anything the library logs goes to stderr.
console.log = (...args) => console.error(...args);
console.info = console.log;
console.debug = console.log;

// Only data: URLs (the inlined binaries) may go through fetch; anything else is refused.
const realFetch = globalThis.fetch;
globalThis.fetch = (input, init) => {
	const url = typeof input === 'string' ? input : (input?.url ?? input?.href ?? String(input));
	if (url.startsWith('data:') && realFetch) return realFetch(input, init);
	return Promise.reject(new Error(`network access refused: ${url.slice(0, 60)}`));
};

// Which rules are on is decided in Python (coaching/engine/harper_rules.py), which passes
// its lists with --off/--on; without them every rule keeps harper.js's default.
const DEFAULT_OFF = [];
const DEFAULT_ON = [];
// Rules that crash harper.js 2.10.0's wasm: BoringWords panics loading its thesaurus
// ("WindowSizeTooBig { requested: 134217728, max: 104857600 }") on every text. Kept off
// even by lint_all.
const BROKEN_RULES = ['BoringWords'];

function option(name) {
	const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
	return arg === undefined ? undefined : arg.slice(name.length + 3);
}
function nameList(value, fallback) {
	if (value === undefined) return fallback;
	return value.split(',').map((s) => s.trim()).filter(Boolean);
}

const OFF = nameList(option('off'), DEFAULT_OFF);
const ON = nameList(option('on'), DEFAULT_ON);
// --only=RuleA,RuleB: every other rule is off (for speed); OFF still wins
const ONLY = option('only') === undefined ? null : nameList(option('only'), []);
const BINARY = option('binary') ?? 'binary';
const BINARIES = ['binary', 'slimBinary', 'binaryInlined', 'slimBinaryInlined'];
if (!BINARIES.includes(BINARY)) {
	console.error(`unknown --binary=${BINARY}; one of ${BINARIES.join(', ')}`);
	process.exit(2);
}

const harper = await import('harper.js');
const binary = (await import(`harper.js/${BINARY}`))[BINARY];
const HARPER_JS_VERSION = JSON.parse(
	readFileSync(new URL('./node_modules/harper.js/package.json', import.meta.url), 'utf8'),
).version;

const DIALECTS = {
	american: harper.Dialect.American,
	british: harper.Dialect.British,
	australian: harper.Dialect.Australian,
	canadian: harper.Dialect.Canadian,
	indian: harper.Dialect.Indian,
};
const SUGGESTION_KINDS = { 0: 'Replace', 1: 'Remove', 2: 'InsertAfter' };
const LINT_OPTIONS = { language: 'plaintext' };

// (dialect, all) -> Promise<LocalLinter>, configured once.
const linters = new Map();
let unknownRules = [];

function linterFor(dialect, all = false) {
	const name = dialect ?? 'british';
	if (!(name in DIALECTS)) throw new Error(`unknown dialect: ${name}`);
	const key = `${name}:${all}`;
	if (!linters.has(key)) {
		linters.set(
			key,
			(async () => {
				const linter = new harper.LocalLinter({ binary, dialect: DIALECTS[name] });
				const config = await linter.getLintConfig();
				if (all) {
					for (const rule of Object.keys(config)) config[rule] = !BROKEN_RULES.includes(rule);
				} else {
					for (const rule of Object.keys(config)) {
						config[rule] = ONLY === null || ONLY.includes(rule) ? null : false; // null: Harper's default
					}
					for (const rule of OFF) if (rule in config) config[rule] = false;
					for (const rule of ON) if (rule in config) config[rule] = !BROKEN_RULES.includes(rule);
					unknownRules = [...OFF, ...ON, ...(ONLY ?? [])].filter((rule) => !(rule in config));
				}
				await linter.setLintConfig(config);
				return linter;
			})(),
		);
	}
	return linters.get(key);
}

/** Maps UTF-16 code unit offsets of `text` to code point offsets (Python str indices). */
function codePointIndex(text) {
	let astral = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c >= 0xd800 && c <= 0xdbff) {
			astral = true;
			break;
		}
	}
	if (!astral) return (i) => i;
	const map = new Uint32Array(text.length + 1);
	let cp = 0;
	for (let i = 0; i < text.length; i++) {
		map[i] = cp;
		const c = text.charCodeAt(i);
		const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
		if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
			map[i + 1] = cp; // the low half belongs to the same code point
			i++;
		}
		cp++;
	}
	map[text.length] = cp;
	return (i) => map[Math.min(Math.max(i, 0), text.length)];
}

async function lint(text, dialect, all) {
	const linter = await linterFor(dialect, all);
	const organized = await linter.organizedLints(text, LINT_OPTIONS);
	const toCp = codePointIndex(text);
	const out = [];
	for (const [rule, lints] of Object.entries(organized)) {
		for (const l of lints) {
			const span = l.span();
			const suggestions = l.suggestions().map((s) => {
				const item = { text: s.get_replacement_text(), kind: SUGGESTION_KINDS[s.kind()] ?? String(s.kind()) };
				s.free();
				return item;
			});
			out.push({
				rule,
				kind: l.lint_kind(),
				start: toCp(span.start),
				end: toCp(span.end),
				problem: l.get_problem_text(),
				message: l.message(),
				suggestions,
			});
			span.free();
			l.free();
		}
	}
	out.sort((a, b) => a.start - b.start || a.end - b.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
	return out;
}

async function handle(line) {
	let req;
	try {
		req = JSON.parse(line);
	} catch (err) {
		return { id: null, error: `bad JSON: ${err.message}` };
	}
	const id = req?.id ?? null;
	try {
		const op = req.op ?? 'lint';
		const text = typeof req.text === 'string' ? req.text : '';
		switch (op) {
			case 'lint':
				return { id, lints: await lint(text, req.dialect, false) };
			case 'lint_all':
				return { id, lints: await lint(text, req.dialect, true) };
			case 'likely_english':
				return { id, likely_english: await (await linterFor(req.dialect)).isLikelyEnglish(text) };
			case 'config':
				return { id, config: await (await linterFor(req.dialect)).getLintConfig() };
			default:
				return { id, error: `unknown op: ${op}` };
		}
	} catch (err) {
		const fatal = err instanceof WebAssembly.RuntimeError;
		return { id, error: String(err?.stack ?? err), ...(fatal ? { fatal } : {}) };
	}
}

// The reader went away (the client closed the pipe): nothing left to do.
process.stdout.on('error', (err) => process.exit(err.code === 'EPIPE' ? 0 : 1));

function send(obj) {
	process.stdout.write(`${JSON.stringify(obj)}\n`);
}

// Build the default (British) linter before saying ready, so the first request is quick.
const started = performance.now();
await linterFor(option('dialect') ?? 'british');
send({
	ready: true,
	harper_js: HARPER_JS_VERSION,
	binary: BINARY,
	startup_ms: Math.round(performance.now() - started),
	off: OFF.length,
	on: ON.length,
	unknown_rules: unknownRules,
	broken_rules: BROKEN_RULES,
});

// Requests are handled one at a time, in order.
let queue = Promise.resolve();
const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
rl.on('line', (line) => {
	if (!line.trim()) return;
	queue = queue.then(async () => {
		const reply = await handle(line);
		send(reply);
		// A trap inside the wasm module may leave it in a bad state: exit, and the
		// client starts a fresh process for the next request.
		if (reply.fatal) process.exit(70);
	});
});
rl.on('close', () => {
	queue.then(() => process.exit(0));
});
