// Self time per function of a V8 .cpuprofile (from node --cpu-prof), heaviest first, as shares of the time the
// process was busy: the ingest servers are measured in turns, so each one is idle most of its life.
import { readFileSync } from 'node:fs';

// `window` ({ fromUs, toUs }, microseconds of the monotonic clock, `process.hrtime.bigint() / 1000n` in any
// process of the machine, which is the clock of the profile's timestamps) keeps only the samples taken in it:
// the part of a long run that one phase took.
export function summarizeProfile(file, top = 25, window = null) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const dt = new Map();
  const { samples, timeDeltas } = profile;
  let at = profile.startTime;
  for (let i = 0; i < samples.length; i++) {
    at += timeDeltas[i] ?? 0;
    if (window && (at < window.fromUs || at > window.toUs)) continue;
    dt.set(samples[i], (dt.get(samples[i]) ?? 0) + (timeDeltas[i] ?? 0));
  }
  const sampled = [...dt.values()].reduce((a, b) => a + b, 0);
  const idleIds = new Set(
    profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id),
  );
  const idle = [...idleIds].reduce((a, id) => a + (dt.get(id) ?? 0), 0);
  const total = sampled - idle;
  const byFn = new Map();
  const byPkg = new Map();
  for (const node of profile.nodes) {
    const t = dt.get(node.id) ?? 0;
    if (!t || idleIds.has(node.id)) continue;
    const cf = node.callFrame;
    const where = cf.url ? shorten(cf.url) : '';
    const key = `${cf.functionName || '(anonymous)'} ${where}${cf.url ? `:${cf.lineNumber + 1}` : ''}`;
    byFn.set(key, (byFn.get(key) ?? 0) + t);
    const pkg = packageOf(cf.url, cf.functionName);
    byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + t);
  }
  const pct = (t) => `${((100 * t) / total).toFixed(1).padStart(5)}%`;
  const fns = [...byFn].sort((a, b) => b[1] - a[1]).slice(0, top);
  const pkgs = [...byPkg].sort((a, b) => b[1] - a[1]).slice(0, 15);
  return [
    `${(sampled / 1e6).toFixed(1)} s sampled, ${(total / 1e6).toFixed(1)} s busy (${((100 * idle) / sampled).toFixed(1)}% idle); shares of the busy time`,
    'self time by package:',
    ...pkgs.map(([k, t]) => `  ${pct(t)}  ${k}`),
    'self time by function:',
    ...fns.map(([k, t]) => `  ${pct(t)}  ${k}`),
  ].join('\n');
}

function shorten(url) {
  const u = url.replace(/^file:\/\//, '');
  const nm = u.lastIndexOf('node_modules/');
  if (nm >= 0) return u.slice(nm + 'node_modules/'.length);
  const m = /(apps|packages)\/.*$/.exec(u);
  return m ? m[0] : u.split('/').slice(-2).join('/');
}

export function packageOf(url, fn) {
  if (!url) return fn && fn.startsWith('(') ? fn : '(native/node internals)';
  const u = url.replace(/^file:\/\//, '');
  const nm = u.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = u.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (u.startsWith('node:')) return 'node:internals';
  const m = /(apps|packages)\/([^/]+)/.exec(u);
  return m ? `${m[1]}/${m[2]}` : u;
}

if (import.meta.url === `file://${process.argv[1]}`)
  console.log(summarizeProfile(process.argv[2], Number(process.argv[3] ?? 40)));
